import { Incident } from '@reliability-suite/backstage-plugin-reliability-common';
import { weeklyTrend } from './incidentTrend';

const at = (iso: string, resolvedAfterMinutes?: number) =>
  ({
    startedAt: iso,
    detectedAt: iso,
    declaredAt: null,
    mitigatedAt: null,
    resolvedAt:
      resolvedAfterMinutes === undefined
        ? null
        : new Date(
            Date.parse(iso) + resolvedAfterMinutes * 60_000,
          ).toISOString(),
  } as Incident);

describe('weeklyTrend', () => {
  it('counts incidents per week, oldest first, with the median time to resolve', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const trend = weeklyTrend(
      [
        at('2026-11-30T10:00:00Z', 30),
        at('2026-11-29T10:00:00Z', 90),
        at('2026-11-28T10:00:00Z'),
        at('2026-11-20T10:00:00Z', 10),
        // Before the three weeks: left out.
        at('2026-11-01T10:00:00Z', 10),
      ],
      now,
      3,
    );
    expect(trend).toEqual([
      {
        weekStart: '2026-11-10T00:00:00.000Z',
        incidents: 0,
        mttrMedian: null,
        mttdMedian: null,
      },
      {
        weekStart: '2026-11-17T00:00:00.000Z',
        incidents: 1,
        mttrMedian: 10,
        mttdMedian: 0,
      },
      {
        weekStart: '2026-11-24T00:00:00.000Z',
        incidents: 3,
        mttrMedian: 60,
        mttdMedian: 0,
      },
    ]);
  });
});
