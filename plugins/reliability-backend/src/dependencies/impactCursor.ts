import { InputError } from '@backstage/errors';
import { compareRefs } from '../catalog/CatalogSnapshot';

/** A place in an impact answer, which is ordered by depth, then entity ref. */
export type ImpactPosition = { depth: number; entityRef: string };

/** The opaque cursor that continues after the entity at `position`. */
export function encodeImpactCursor(position: ImpactPosition): string {
  return Buffer.from(
    JSON.stringify({ d: position.depth, r: position.entityRef }),
  ).toString('base64url');
}

/** The position a cursor continues after, or 400 for one this API did not hand out. */
export function decodeImpactCursor(cursor: string): ImpactPosition {
  try {
    const { d, r } = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Number.isInteger(d) && d > 0 && typeof r === 'string' && r) {
      return { depth: d, entityRef: r };
    }
  } catch {
    // Reported below, as for any cursor that does not decode to a position.
  }
  throw new InputError(
    'cursor: is not a cursor from a previous page; start again without one',
  );
}

/** Whether the entity at `position` comes after `after` in answer order. */
export function isAfter(
  position: ImpactPosition,
  after: ImpactPosition,
): boolean {
  return (
    position.depth > after.depth ||
    (position.depth === after.depth &&
      compareRefs(position.entityRef, after.entityRef) > 0)
  );
}
