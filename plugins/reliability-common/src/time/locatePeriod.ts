// Each round at least halves the distance to the period sought (see below); 64 rounds are more
// than any time luxon can represent needs.
const MAX_ROUNDS = 64;

/**
 * The index k of the period containing `t`, with `start(k) ≤ t < start(k + 1)`, for periods
 * whose starts grow with k and last about `approximateMs` each: a rotation's turns, a calendar
 * SLO's periods. Starting from the estimate by the nominal length, each round re-estimates from
 * the real start of the period it reached, so the error shrinks geometrically however the
 * lengths drift (months of 28 to 31 days, days of 23 or 25 hours across daylight-saving changes).
 * The rounds are bounded: a time the calendar cannot represent ends in a RangeError, never in an
 * endless loop.
 */
export function locatePeriod(
  start: (k: number) => number,
  approximateMs: number,
  t: number,
): number {
  if (!Number.isFinite(t) || !(approximateMs > 0)) {
    throw new RangeError(
      `Cannot locate ${t} in periods of ${approximateMs} ms`,
    );
  }
  let k = Math.floor((t - start(0)) / approximateMs);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const from = start(k);
    const until = start(k + 1);
    if (!Number.isFinite(from) || !Number.isFinite(until)) {
      throw new RangeError(
        `${new Date(
          t,
        ).toISOString()} is outside the times the calendar can compute`,
      );
    }
    if (from <= t && t < until) {
      return k;
    }
    const periods = Math.trunc((t - from) / approximateMs);
    k += periods !== 0 ? periods : Math.sign(t - from);
  }
  throw new RangeError(`No period found for ${new Date(t).toISOString()}`);
}

/** A RangeError unless `date` is a valid instant (an invalid Date never compares as past anything). */
export function assertInstant(date: Date): void {
  if (!Number.isFinite(date.getTime())) {
    throw new RangeError('Not a valid instant');
  }
}
