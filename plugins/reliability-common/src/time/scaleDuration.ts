import { Duration } from 'luxon';

/**
 * `k` times a calendar duration, unit by unit (`P1M` × 3 is `P3M`, not 90 days), so that a
 * period k steps from an anchor keeps its wall-clock time and day of month.
 */
export function scaleDuration(duration: Duration, k: number): Duration {
  return Duration.fromObject(
    Object.fromEntries(
      Object.entries(duration.toObject()).map(([unit, n]) => [
        unit,
        (n ?? 0) * k,
      ]),
    ),
  );
}
