import { parseSloSpec } from './definition';
import { resolveTimeWindow } from './timeWindow';

function window(timeWindow: object) {
  const parsed = parseSloSpec({
    service: 'orders-service',
    indicatorRef: 'orders-requests',
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
    timeWindow: [timeWindow],
  });
  if (!parsed.value) {
    throw new Error(parsed.problems.join('; '));
  }
  return parsed.value.timeWindow;
}

describe('resolveTimeWindow', () => {
  it.each([
    ['7d', 168],
    ['28d', 672],
    ['30d', 720],
    ['1w', 168],
  ])('a rolling %s window ends now and lasts %p hours', (duration, hours) => {
    const at = new Date('2026-11-22T10:00:00Z');
    const resolved = resolveTimeWindow(
      window({ duration, isRolling: true }),
      at,
    );
    expect(resolved.end).toEqual(at);
    expect(resolved.lengthHours).toBe(hours);
    expect(resolved.elapsedSeconds).toBe(hours * 3600);
    expect(resolved.start).toEqual(new Date(at.getTime() - hours * 3_600_000));
  });

  const monthlyBerlin = {
    duration: '1M',
    isRolling: false,
    calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'Europe/Berlin' },
  };

  it.each([
    // Berlin leaves summer time on 25 October 2026 (UTC+2 → UTC+1): October's period starts at
    // local midnight in summer time and ends at local midnight in winter time, an hour longer.
    [
      'October, across the DST change',
      '2026-10-20T12:00:00Z',
      '2026-09-30T22:00:00.000Z',
      '2026-10-31T23:00:00.000Z',
      31 * 24 + 1,
    ],
    [
      'November, after it',
      '2026-11-22T10:00:00Z',
      '2026-10-31T23:00:00.000Z',
      '2026-11-30T23:00:00.000Z',
      30 * 24,
    ],
    // Summer time begins on 29 March 2026: March is an hour short.
    [
      'March, across the change into summer time',
      '2026-03-29T12:00:00Z',
      '2026-02-28T23:00:00.000Z',
      '2026-03-31T22:00:00.000Z',
      31 * 24 - 1,
    ],
    // At the very first instant of a period, it is that period.
    [
      'the first instant of November',
      '2026-10-31T23:00:00Z',
      '2026-10-31T23:00:00.000Z',
      '2026-11-30T23:00:00.000Z',
      30 * 24,
    ],
    // A year boundary.
    [
      'December into January',
      '2026-12-31T23:30:00Z',
      '2026-12-31T23:00:00.000Z',
      '2027-01-31T23:00:00.000Z',
      31 * 24,
    ],
  ])('a Berlin month in %s', (_case, at, start, end, hours) => {
    const resolved = resolveTimeWindow(window(monthlyBerlin), new Date(at));
    expect(resolved.start.toISOString()).toBe(start);
    expect(resolved.end.toISOString()).toBe(end);
    expect(resolved.lengthHours).toBe(hours);
    expect(resolved.elapsedSeconds).toBe(
      (Date.parse(at) - Date.parse(start)) / 1000,
    );
  });

  it('repeats weeks from the start time in the calendar zone, also before it', () => {
    const weekly = window({
      duration: '1w',
      isRolling: false,
      calendar: {
        startTime: '2026-11-02 09:00:00',
        timeZone: 'America/New_York',
      },
    });
    // New York leaves summer time on 1 November 2026; the Monday 09:00 EST start is 14:00Z.
    expect(
      resolveTimeWindow(
        weekly,
        new Date('2026-11-12T12:00:00Z'),
      ).start.toISOString(),
    ).toBe('2026-11-09T14:00:00.000Z');
    // The week before the start time is still a period: it began in summer time (13:00Z).
    const before = resolveTimeWindow(weekly, new Date('2026-10-28T12:00:00Z'));
    expect(before.start.toISOString()).toBe('2026-10-26T13:00:00.000Z');
    expect(before.end.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(before.lengthHours).toBe(7 * 24 + 1);
  });

  it('starts quarters on the anchor month without drifting', () => {
    const quarterly = window({
      duration: '1Q',
      isRolling: false,
      calendar: { startTime: '2026-01-31 00:00:00', timeZone: 'UTC' },
    });
    // 31 Jan + 3 months is clamped to 30 April; + 6 months is 31 July, not 30 July.
    const resolved = resolveTimeWindow(
      quarterly,
      new Date('2026-08-15T00:00:00Z'),
    );
    expect(resolved.start.toISOString()).toBe('2026-07-31T00:00:00.000Z');
    expect(resolved.end.toISOString()).toBe('2026-10-31T00:00:00.000Z');
  });
});

describe('resolveTimeWindow at the edges of time', () => {
  const quarterly = window({
    duration: '1Q',
    isRolling: false,
    calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'Asia/Tokyo' },
  });

  it.each([
    [
      '2000-01-01T00:00:00Z',
      '1999-12-31T15:00:00.000Z',
      '2000-03-31T15:00:00.000Z',
    ],
    [
      '2100-01-01T00:00:00Z',
      '2099-12-31T15:00:00.000Z',
      '2100-03-31T15:00:00.000Z',
    ],
  ])('finds the quarter containing %s', (at, start, end) => {
    const resolved = resolveTimeWindow(quarterly, new Date(at));
    expect(resolved.start.toISOString()).toBe(start);
    expect(resolved.end.toISOString()).toBe(end);
  });

  it.each(['+275760-09-04T00:00:00Z', '-271821-04-20T00:00:00Z'])(
    'fails fast with a RangeError at %s',
    at => {
      expect(() => resolveTimeWindow(quarterly, new Date(at))).toThrow(
        RangeError,
      );
    },
  );
});
