/**
 * An instant the way every page of the suite writes it: "Mon 7 Dec, 10:00", in `timeZone` (with
 * its short name as the locale writes it, "Mon 7 Dec, 19:00 GMT+9") or, without one, in the reader's own zone.
 */
export function formatInstant(
  instant: Date | string,
  timeZone?: string,
): string {
  return new Date(instant).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  });
}
