import { DateTime, Duration } from 'luxon';
import { assertInstant, locatePeriod } from '../time/locatePeriod';
import { scaleDuration } from '../time/scaleDuration';
import { SloTimeWindow } from './definition';

/** The span of an SLO's window at one instant, in UTC. */
export type ResolvedTimeWindow = {
  start: Date;
  end: Date;
  /** Length of the whole window (for a calendar window, of the current period) in hours. */
  lengthHours: number;
  /** How much of the window has elapsed, in seconds: what the SLI is measured over. */
  elapsedSeconds: number;
};

/**
 * The window an SLO is judged over at `at`. A rolling window is the `duration` up to `at`. A
 * calendar window is the period containing `at`, periods starting at `calendar.startTime` and
 * repeating every `duration` in the calendar's time zone: "1M" from 1 March 00:00 Europe/Berlin
 * starts every month at local midnight, whatever daylight-saving time does to the UTC offset.
 */
export function resolveTimeWindow(
  window: SloTimeWindow,
  at: Date,
): ResolvedTimeWindow {
  assertInstant(at);
  const end = DateTime.fromJSDate(at);
  if (window.isRolling) {
    const start = end.minus(window.duration);
    return {
      start: start.toJSDate(),
      end: at,
      lengthHours: window.duration.as('hours'),
      elapsedSeconds: end.diff(start).as('seconds'),
    };
  }
  const { periodStart, periodEnd } = calendarPeriod(
    window.calendar.startTime,
    window.duration,
    end,
  );
  return {
    start: periodStart.toJSDate(),
    end: periodEnd.toJSDate(),
    lengthHours: periodEnd.diff(periodStart).as('hours'),
    elapsedSeconds: end.diff(periodStart).as('seconds'),
  };
}

function calendarPeriod(
  startTime: DateTime,
  duration: Duration,
  at: DateTime,
): { periodStart: DateTime; periodEnd: DateTime } {
  // Each period is computed from the anchor (never from the previous period) so that month
  // ends are not clamped cumulatively (31 Jan + 1M + 1M is 31 Mar, not 28 Mar).
  const periodAt = (k: number) => startTime.plus(scaleDuration(duration, k));
  const k = locatePeriod(
    n => periodAt(n).toMillis(),
    duration.as('milliseconds'),
    at.toMillis(),
  );
  return { periodStart: periodAt(k), periodEnd: periodAt(k + 1) };
}
