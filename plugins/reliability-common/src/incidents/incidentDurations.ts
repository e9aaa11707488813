import { DurationStats, Incident } from './incident';

const MINUTE_MS = 60_000;

/** The four times an incident is measured by. */
export const INCIDENT_DURATIONS = ['mttd', 'mtta', 'mttm', 'mttr'] as const;
export type IncidentDuration = (typeof INCIDENT_DURATIONS)[number];

type Times = Pick<
  Incident,
  'startedAt' | 'detectedAt' | 'declaredAt' | 'mitigatedAt' | 'resolvedAt'
>;

// Each measure runs from one time to another: detect, acknowledge, mitigate, resolve.
const SPANS: Record<IncidentDuration, [keyof Times, keyof Times]> = {
  mttd: ['startedAt', 'detectedAt'],
  mtta: ['detectedAt', 'declaredAt'],
  mttm: ['startedAt', 'mitigatedAt'],
  mttr: ['startedAt', 'resolvedAt'],
};

/** The minutes of `duration` for one incident, or null when it lacks either time. */
export function incidentMinutes(
  incident: Times,
  duration: IncidentDuration,
): number | null {
  const [from, to] = SPANS[duration];
  const start = incident[from];
  const end = incident[to];
  if (!start || !end) return null;
  return (Date.parse(end) - Date.parse(start)) / MINUTE_MS;
}

/**
 * Median and mean of `values`, unrounded; the median of an even count is the mean of the two
 * middle values. Null for both when there are none.
 */
export function durationStats(values: number[]): DurationStats {
  if (values.length === 0) return { median: null, mean: null, count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { median, mean, count: sorted.length };
}

/** `duration` over `incidents`, counting those that have both its times. */
export function incidentDurationStats(
  incidents: Times[],
  duration: IncidentDuration,
): DurationStats {
  return durationStats(
    incidents.flatMap(incident => incidentMinutes(incident, duration) ?? []),
  );
}
