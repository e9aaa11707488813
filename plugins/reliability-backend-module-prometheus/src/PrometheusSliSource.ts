import {
  PROMETHEUS_METRIC_SOURCE,
  RatioIndicator,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  EventCounts,
  SliMeasurement,
  SliMeasurementRequest,
  SliRange,
  SliRangeRequest,
  SliRulesRequest,
  SliSource,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { PrometheusClient } from './PrometheusClient';
import { countEvents, promDuration, withLabels } from './promql';
import { renderPrometheusRules } from './renderPrometheusRules';

const SERIES_LABEL = 'slo_series';
const WINDOW_LABEL = 'slo_window';
// Prometheus refuses range queries of more than 11,000 points per series.
const MAX_POINTS_PER_RANGE_QUERY = 10_000;

/**
 * Measures SLIs with Prometheus. One measurement is one instant query: every window's good
 * (or bad) and total counts, and every timeslice judgement, each tagged with labels
 * (`label_replace`) and joined with `or`.
 */
export class PrometheusSliSource implements SliSource {
  readonly type = PROMETHEUS_METRIC_SOURCE;

  constructor(private readonly client: PrometheusClient) {}

  async measure(request: SliMeasurementRequest): Promise<SliMeasurement> {
    const { indicator } = request;
    const events = indicator.good ?? indicator.bad;
    const eventSeries = indicator.good ? 'good' : 'bad';
    const parts: string[] = [];
    for (const [window, seconds] of Object.entries(request.windows)) {
      parts.push(
        withLabels(countEvents(events, seconds), {
          [SERIES_LABEL]: eventSeries,
          [WINDOW_LABEL]: window,
        }),
        withLabels(countEvents(indicator.total, seconds), {
          [SERIES_LABEL]: 'total',
          [WINDOW_LABEL]: window,
        }),
      );
    }
    request.timeslices.forEach((slices, index) => {
      const ratio = sliceRatio(indicator, slices.sliceSeconds);
      const range = `[${promDuration(request.sloWindowSeconds)}:${promDuration(
        slices.sliceSeconds,
      )}]`;
      parts.push(
        withLabels(
          `sum_over_time((${ratio} >= bool ${slices.sliceTarget})${range})`,
          { [SERIES_LABEL]: `slices_good_${index}` },
        ),
        withLabels(`count_over_time(${ratio}${range})`, {
          [SERIES_LABEL]: `slices_counted_${index}`,
        }),
      );
    });

    const samples = await this.client.query(
      parts.join('\nor\n'),
      request.at,
      request.signal,
    );
    const sums = new Map<string, number>();
    for (const sample of samples) {
      if (Number.isNaN(sample.value)) {
        continue;
      }
      const key = `${sample.metric[SERIES_LABEL]}/${
        sample.metric[WINDOW_LABEL] ?? ''
      }`;
      sums.set(key, (sums.get(key) ?? 0) + sample.value);
    }

    const windows: Record<string, EventCounts | undefined> = {};
    for (const window of Object.keys(request.windows)) {
      const total = sums.get(`total/${window}`);
      if (total === undefined || !(total > 0)) {
        windows[window] = undefined;
        continue;
      }
      // A missing good/bad series with events in total means no good (or no bad) events.
      const counted = sums.get(`${eventSeries}/${window}`) ?? 0;
      const good = indicator.good ? counted : total - counted;
      windows[window] = { good: Math.min(total, Math.max(0, good)), total };
    }
    return {
      windows,
      timeslices: request.timeslices.map((_, index) => ({
        good: sums.get(`slices_good_${index}/`) ?? 0,
        counted: sums.get(`slices_counted_${index}/`) ?? 0,
      })),
      requests: 1,
    };
  }

  async measureRange(request: SliRangeRequest): Promise<SliRange> {
    const { indicator, stepSeconds } = request;
    const events = indicator.good ?? indicator.bad;
    const expr = [
      withLabels(countEvents(events, stepSeconds), {
        [SERIES_LABEL]: 'events',
      }),
      withLabels(countEvents(indicator.total, stepSeconds), {
        [SERIES_LABEL]: 'total',
      }),
    ].join('\nor\n');

    const stepMs = stepSeconds * 1000;
    const startMs = request.start.getTime();
    const count = Math.floor((request.end.getTime() - startMs) / stepMs) + 1;
    const t = Array.from(
      { length: count },
      (_, i) => new Date(startMs + i * stepMs),
    );
    const eventCounts = new Array<number>(count).fill(0);
    const total = new Array<number>(count).fill(0);

    for (let from = 0; from < count; from += MAX_POINTS_PER_RANGE_QUERY) {
      const to = Math.min(count, from + MAX_POINTS_PER_RANGE_QUERY) - 1;
      const series = await this.client.queryRange(
        expr,
        t[from],
        t[to],
        stepSeconds,
        request.signal,
      );
      for (const { metric, values } of series) {
        const target = metric[SERIES_LABEL] === 'total' ? total : eventCounts;
        for (const [seconds, value] of values) {
          const i = Math.round((seconds * 1000 - startMs) / stepMs);
          if (i >= 0 && i < count && !Number.isNaN(value)) {
            target[i] += value;
          }
        }
      }
    }
    const good = indicator.good
      ? eventCounts
      : eventCounts.map((bad, i) => Math.max(0, total[i] - bad));
    return { t, good, total };
  }

  renderRules(request: SliRulesRequest): string {
    return renderPrometheusRules(request);
  }
}

/** The SLI of one slice, absent (not 0, not 1) when the slice had no events. */
function sliceRatio(indicator: RatioIndicator, sliceSeconds: number): string {
  const total = `(${countEvents(indicator.total, sliceSeconds)} > 0)`;
  if (indicator.good) {
    return `((${countEvents(
      indicator.good,
      sliceSeconds,
    )} or vector(0)) / ${total})`;
  }
  return `(1 - (${countEvents(
    indicator.bad,
    sliceSeconds,
  )} or vector(0)) / ${total})`;
}
