/** A time in the viewer's zone, e.g. "Mon 23 Nov, 09:00". */
export function formatLocal(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  });
}

/** "until Mon 23 Nov, 09:00 (10:00 CET in Europe/Berlin)". */
export function untilText(
  until: string | null,
  timeZone: string | null,
): string {
  if (!until) {
    return '';
  }
  const local = formatLocal(until);
  return timeZone
    ? `until ${local} (${formatLocal(until, timeZone)}, ${timeZone})`
    : `until ${local}`;
}
