import { DateTime } from 'luxon';
import { locatePeriod } from './locatePeriod';
import { scaleDuration } from './scaleDuration';

const monthly = (anchor: string, zone: string) => {
  const start = DateTime.fromISO(anchor, { zone });
  const duration = DateTime.fromISO(anchor)
    .plus({ months: 1 })
    .diff(DateTime.fromISO(anchor), 'months');
  return (k: number) => start.plus(scaleDuration(duration, k)).toMillis();
};

describe('locatePeriod', () => {
  it.each([
    ['2000-01-01T00:00:00Z', '1999-12-31T23:00:00.000Z'],
    ['2026-03-29T01:30:00Z', '2026-02-28T23:00:00.000Z'],
    ['2099-12-31T22:59:59Z', '2099-11-30T23:00:00.000Z'],
    ['2100-01-01T00:00:00Z', '2099-12-31T23:00:00.000Z'],
  ])(
    'finds the Berlin month containing %s from a 1970 anchor (starts %s)',
    (at, periodStart) => {
      const start = monthly('1970-01-01T00:00:00', 'Europe/Berlin');
      const t = Date.parse(at);
      const k = locatePeriod(start, 30 * 86_400_000, t);
      expect(new Date(start(k)).toISOString()).toBe(periodStart);
      expect(start(k)).toBeLessThanOrEqual(t);
      expect(start(k + 1)).toBeGreaterThan(t);
    },
  );

  it.each([
    ['the largest JavaScript date', 8.64e15],
    ['nine days before it', Date.parse('+275760-09-04T00:00:00Z')],
    ['the smallest JavaScript date', -8.64e15],
    ['not a time', NaN],
  ])('ends in a RangeError, not a loop, at %s', (_, t) => {
    const start = monthly('2026-01-01T00:00:00', 'Europe/London');
    expect(() => locatePeriod(start, 30 * 86_400_000, t)).toThrow(RangeError);
  });
});
