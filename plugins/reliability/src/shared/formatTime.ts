import { formatInstant } from '@reliability-suite/backstage-plugin-reliability-common';

/** A time in the viewer's zone, or in `timeZone`: "Mon 23 Nov, 09:00". One format everywhere. */
export function formatLocal(iso: string, timeZone?: string): string {
  return formatInstant(iso, timeZone);
}

/** "until Mon 23 Nov, 09:00 (Mon 23 Nov, 10:00 CET, Europe/Berlin)". */
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
