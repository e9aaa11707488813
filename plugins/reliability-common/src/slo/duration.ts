import { Duration } from 'luxon';

const UNITS: Record<string, keyof DurationUnits> = {
  s: 'seconds',
  m: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
  M: 'months',
  Q: 'quarters',
  y: 'years',
};

type DurationUnits = {
  seconds: number;
  minutes: number;
  hours: number;
  days: number;
  weeks: number;
  months: number;
  quarters: number;
  years: number;
};

/**
 * Reads an OpenSLO duration shorthand: a whole number and one unit, `s`, `m`, `h`, `d`, `w`,
 * `M` (month), `Q` (quarter) or `y`, e.g. `28d`, `5m`, `1M`. Returns undefined when it is not one.
 */
export function parseOpenSloDuration(text: unknown): Duration | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const match = /^([1-9][0-9]*)([smhdwMQy])$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  return Duration.fromObject({ [UNITS[match[2]]]: Number(match[1]) });
}

/** Whether a duration has a fixed length in seconds (no months, quarters or years). */
export function isFixedLength(duration: Duration): boolean {
  return !duration.months && !duration.quarters && !duration.years;
}

/** Seconds in a duration of fixed length, as a PromQL range such as `2419200s`. */
export function toSeconds(duration: Duration): number {
  return Math.round(duration.as('seconds'));
}
