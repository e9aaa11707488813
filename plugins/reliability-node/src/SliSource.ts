import { RatioIndicator } from '@reliability-suite/backstage-plugin-reliability-common';

/** Events counted over one window. */
export type EventCounts = { good: number; total: number };

/** For `Timeslices` objectives: slices of `sliceSeconds` judged against `sliceTarget`. */
export type TimesliceRequest = { sliceSeconds: number; sliceTarget: number };

/** Slices with events over the SLO window, and how many of them met their target. */
export type TimesliceCounts = { good: number; counted: number };

export type SliMeasurementRequest = {
  indicator: RatioIndicator;
  /** The instant the windows end at. */
  at: Date;
  /** Windows to count events over, by name (`5m`, `slo`, …), in seconds. */
  windows: Record<string, number>;
  /** The SLO window in seconds, over which `timeslices` are counted. */
  sloWindowSeconds: number;
  timeslices: TimesliceRequest[];
  signal?: AbortSignal;
};

export type SliMeasurement = {
  /** Counts per requested window; a window absent here had no events. */
  windows: Record<string, EventCounts | undefined>;
  /** One entry per requested timeslice judgement, in the same order. */
  timeslices: TimesliceCounts[];
  /** How many requests the source made for this measurement. */
  requests: number;
};

export type SliRangeRequest = {
  indicator: RatioIndicator;
  start: Date;
  end: Date;
  /** Seconds between points; each point counts the events of the `step` before it. */
  stepSeconds: number;
  signal?: AbortSignal;
};

/** Events counted per step: `good[i]` and `total[i]` are the counts of the step ending at `t[i]`. */
export type SliRange = { t: Date[]; good: number[]; total: number[] };

/**
 * Where SLIs come from. A source measures the event counts of a ratio indicator over several
 * windows at once, and may render alerting rules in its own language.
 *
 * Errors tell the suite what a failure means: {@link SliQueryError} when the source rejects the
 * definition (the SLO is in `error`), {@link SliSourceUnavailableError} when the source cannot
 * be reached or timed out (the last values are kept and marked stale).
 */
export interface SliSource {
  /** The `metricSource.type` this source handles, e.g. `Prometheus`. */
  readonly type: string;
  measure(request: SliMeasurementRequest): Promise<SliMeasurement>;
  measureRange(request: SliRangeRequest): Promise<SliRange>;
  /** Alerting rules for an SLO in the source's own format, when it has one. */
  renderRules?(request: SliRulesRequest): string;
}

export type SliRulesRequest = {
  indicator: RatioIndicator;
  /** Length of the SLO window in hours, for the alert factors. */
  windowHours: number;
  objectives: Array<{
    /** A name unique to the SLO objective, for rule group names. */
    name: string;
    target: number;
    /** Labels every rule of the objective carries, e.g. the SLO and entity refs. */
    labels: Record<string, string>;
  }>;
};

/** The source rejected the query: the SLO's definition is wrong. */
export class SliQueryError extends Error {
  name = 'SliQueryError';
}

/** The source could not be reached or did not answer in time. */
export class SliSourceUnavailableError extends Error {
  name = 'SliSourceUnavailableError';
}
