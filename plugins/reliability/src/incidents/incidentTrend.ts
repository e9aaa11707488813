import {
  Incident,
  incidentDurationStats,
} from '@reliability-suite/backstage-plugin-reliability-common';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export type TrendWeek = {
  /** The week's first day, ISO-8601. */
  weekStart: string;
  incidents: number;
  /** Median minutes to resolve of the week's resolved incidents, or null with none. */
  mttrMedian: number | null;
  /** Median minutes to detect, or null. */
  mttdMedian: number | null;
};

/**
 * The incidents that started in the `weeks` weeks before `now`, week by week (oldest first):
 * how many, and their median times to detect and to resolve.
 */
export function weeklyTrend(
  incidents: Incident[],
  now: Date,
  weeks: number,
): TrendWeek[] {
  const end = now.getTime();
  const start = end - weeks * WEEK_MS;
  return Array.from({ length: weeks }, (_, i) => {
    const from = start + i * WEEK_MS;
    const inWeek = incidents.filter(incident => {
      const t = Date.parse(incident.startedAt);
      return t >= from && t < from + WEEK_MS;
    });
    return {
      weekStart: new Date(from).toISOString(),
      incidents: inWeek.length,
      mttrMedian: incidentDurationStats(inWeek, 'mttr').median,
      mttdMedian: incidentDurationStats(inWeek, 'mttd').median,
    };
  });
}
