import { InputError } from '@backstage/errors';

/** A place in a list ordered by a time, newest first, then by id. */
export type KeysetPosition = { at: Date; id: number };

/** The opaque cursor that continues after the row at `at` with `id`. */
export function encodeCursor(at: string, id: number): string {
  return Buffer.from(JSON.stringify({ s: at, i: id })).toString('base64url');
}

/** The position a cursor continues after, or 400 for one this API did not hand out. */
export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const { s, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    const at = new Date(s);
    if (
      typeof s === 'string' &&
      Number.isInteger(i) &&
      !Number.isNaN(at.getTime())
    ) {
      return { at, id: i };
    }
  } catch {
    // Reported below, as for any cursor that does not decode to a position.
  }
  throw new InputError(
    'cursor: is not a cursor from a previous page; start again without one',
  );
}
