/** The earliest time the suite accepts in a request: 2000-01-01T00:00:00Z. */
export const EARLIEST_ACCEPTED_TIME = new Date(Date.UTC(2000, 0, 1));

/** The latest time the suite accepts in a request: 2100-01-01T00:00:00Z. */
export const LATEST_ACCEPTED_TIME = new Date(Date.UTC(2100, 0, 1));

/** What a time in a request must be, for error messages. */
export const ISO_TIME_RULE = 'an ISO-8601 time with a zone from 2000 to 2100';

// YYYY-MM-DDThh:mm[:ss[.fraction]] and a zone: Z or ±hh:mm (±hhmm). Exactly four year digits, so
// neither the extended years JavaScript dates allow (+275760) nor bare numbers ("1") pass.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads an ISO-8601 date-time with a zone, such as `2026-11-22T09:00:00Z` or
 * `2026-11-22T10:00+01:00`, strictly: every field in its range (no 30 February rolled over
 * into March), and the instant between {@link EARLIEST_ACCEPTED_TIME} and
 * {@link LATEST_ACCEPTED_TIME}. Otherwise returns why not, to follow {@link ISO_TIME_RULE}.
 */
export function parseIsoDateTime(
  text: string,
):
  | { value: Date; problem?: undefined }
  | { value?: undefined; problem: string } {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) {
    return { problem: 'not in the form 2026-11-22T09:00:00Z' };
  }
  const [year, month, day, hour, minute, second = 0] = match
    .slice(1, 7)
    .map(part => (part === undefined ? undefined : Number(part))) as number[];
  const fraction = match[7] ?? '';
  const [sign, offsetHours, offsetMinutes] = [
    match[9],
    Number(match[10] ?? 0),
    Number(match[11] ?? 0),
  ];
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return {
      problem: 'no such time (a field is out of range, as in 30 February)',
    };
  }
  const offsetMs =
    (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const ms =
    Date.UTC(year, month - 1, day, hour, minute, second) +
    Math.floor(Number(`0.${fraction || '0'}`) * 1000) -
    offsetMs;
  if (
    ms < EARLIEST_ACCEPTED_TIME.getTime() ||
    ms > LATEST_ACCEPTED_TIME.getTime()
  ) {
    return {
      problem: `not between ${EARLIEST_ACCEPTED_TIME.toISOString()} and ${LATEST_ACCEPTED_TIME.toISOString()}`,
    };
  }
  return { value: new Date(ms) };
}

/**
 * How far ahead of the server's clock a time that has already happened (an observation, a
 * drill, an incident's start) may be: clocks differ by a little, not by minutes.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Whether `time` lies beyond the clock skew allowed past `now`: it has not happened yet. */
export function isAheadOfClock(time: Date, now: Date = new Date()): boolean {
  return time.getTime() > now.getTime() + CLOCK_SKEW_MS;
}
