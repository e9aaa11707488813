import {
  parseSloSpec,
  SloSpecDefinition,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { computeHistory, MAX_HISTORY_POINTS, planHistory } from './sloHistory';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function spec(overrides: object = {}): SloSpecDefinition {
  const parsed = parseSloSpec({
    service: 'orders-service',
    indicatorRef: 'orders-requests',
    timeWindow: [{ duration: '1d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
    ...overrides,
  });
  if (!parsed.value) throw new Error(parsed.problems.join('; '));
  return parsed.value;
}

describe('planHistory', () => {
  it.each([
    // 7 days in at most 1,000 points: 604,800 s / 1,000 rounded up to whole minutes is 11 min.
    [7 * DAY, 660, 660],
    // One day: 86.4 s a point, rounded up to whole minutes.
    [DAY, 120, 120],
    // An hour: one point a minute, the finest the counts are read at.
    [HOUR, 60, 60],
  ])(
    'samples a span of %p ms every %p s from counts per %p s',
    (span, step, resolution) => {
      const to = new Date('2026-11-22T00:00:00Z');
      const from = new Date(to.getTime() - span);
      const plan = planHistory(spec(), spec().objectives[0], from, to);
      expect(plan).toMatchObject({
        stepSeconds: step,
        resolutionSeconds: resolution,
      });
      // Counts start a whole SLO window (1d) before `from`, on the resolution's grid.
      expect(from.getTime() - plan.rangeStart.getTime()).toBe(
        Math.ceil(DAY / (resolution * 1000)) * resolution * 1000,
      );
    },
  );

  it('counts a Timeslices SLO per slice', () => {
    const timeslices = spec({
      budgetingMethod: 'Timeslices',
      objectives: [
        { target: 0.9, timeSliceTarget: 0.95, timeSliceWindow: '5m' },
      ],
    });
    const to = new Date('2026-11-22T00:00:00Z');
    const plan = planHistory(
      timeslices,
      timeslices.objectives[0],
      new Date(to.getTime() - 30 * DAY),
      to,
    );
    // 8,640 slices of 5 minutes in 30 days: every ninth one is a point.
    expect(plan).toMatchObject({ resolutionSeconds: 300, stepSeconds: 2700 });
  });
});

describe('computeHistory', () => {
  it('gives each point the SLI and budget left over the window ending there', () => {
    const s = spec();
    const from = new Date('2026-11-22T00:00:00Z');
    const to = new Date('2026-11-22T02:00:00Z');
    const resolutionSeconds = 3600;
    // Hourly counts from a day before `from`: all good, except 20 bad of 1,000 in the hour
    // ending at 01:00.
    const t = Array.from(
      { length: 27 },
      (_, i) => new Date(from.getTime() - DAY + i * HOUR),
    );
    const total = t.map(() => 1000);
    const good = t.map(at =>
      at.getTime() === Date.parse('2026-11-22T01:00:00Z') ? 980 : 1000,
    );
    const history = computeHistory({
      spec: s,
      objective: s.objectives[0],
      range: { t, good, total },
      from,
      to,
      stepSeconds: 3600,
      resolutionSeconds,
    });
    expect(history.step).toBe(3600);
    expect(history.points.map(p => p.t)).toEqual([
      '2026-11-22T00:00:00.000Z',
      '2026-11-22T01:00:00.000Z',
      '2026-11-22T02:00:00.000Z',
    ]);
    // 24 hours of 1,000 requests in each window; 20 bad ones from 01:00 on: SLI 0.99917, a
    // 1% budget 8.3% spent.
    expect(history.points[0]).toMatchObject({
      sli: 1,
      errorBudgetRemaining: 1,
    });
    for (const point of history.points.slice(1)) {
      expect(point.sli).toBeCloseTo(1 - 20 / 24_000, 10);
      expect(point.errorBudgetRemaining).toBeCloseTo(
        1 - 20 / 24_000 / 0.01,
        10,
      );
    }
  });

  it('stays within its point budget across the whole accepted century', () => {
    const s = spec({ timeWindow: [{ duration: '28d', isRolling: true }] });
    const from = new Date('2000-01-01T00:00:00Z');
    const to = new Date('2100-01-01T00:00:00Z');
    const plan = planHistory(s, s.objectives[0], from, to);
    const history = computeHistory({
      spec: s,
      objective: s.objectives[0],
      range: { t: [], good: [], total: [] },
      from,
      to,
      ...plan,
    });
    expect(history.points.length).toBeLessThanOrEqual(MAX_HISTORY_POINTS + 1);
    expect(history.points[0].t).toBe('2000-01-01T00:00:00.000Z');
    // No events at all: no SLI, and no budget figure rather than a made-up one.
    expect(history.points[0]).toMatchObject({
      sli: null,
      errorBudgetRemaining: null,
    });
  });
});
