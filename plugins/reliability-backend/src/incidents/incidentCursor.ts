import { InputError } from '@backstage/errors';
import { Incident } from '@reliability-suite/backstage-plugin-reliability-common';
import { IncidentPosition } from './IncidentStore';

/** The opaque cursor that continues after `incident`. */
export function encodeCursor(incident: Incident): string {
  return Buffer.from(
    JSON.stringify({ s: incident.startedAt, i: incident.id }),
  ).toString('base64url');
}

/** The position a cursor continues after, or 400 for one this API did not hand out. */
export function decodeCursor(cursor: string): IncidentPosition {
  try {
    const { s, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    const startedAt = new Date(s);
    if (
      typeof s === 'string' &&
      Number.isInteger(i) &&
      !Number.isNaN(startedAt.getTime())
    ) {
      return { startedAt, id: i };
    }
  } catch {
    // Reported below, as for any cursor that does not decode to a position.
  }
  throw new InputError(
    'cursor: is not a cursor from a previous page; start again without one',
  );
}
