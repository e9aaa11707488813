import { CatalogSnapshot, IndexedEntity } from '../catalog/CatalogSnapshot';

type Candidate = { entity: IndexedEntity; rank: number; kindOrder: number };

// Among equal matches, what a responder most likely means first.
const KIND_ORDER = ['component', 'system', 'resource', 'api'];

/** 0 exact, 1 prefix, 2 substring; undefined when nothing matches. */
function matchOf(texts: string[], q: string): number | undefined {
  if (texts.includes(q)) return 0;
  if (texts.some(text => text.startsWith(q))) return 1;
  if (texts.some(text => text.includes(q))) return 2;
  return undefined;
}

/**
 * Entities matching `query`, best first: exact matches on the entity's own name or title, then
 * prefixes of them, then substrings; then the same on its tags, owner (ref, name or title) and
 * `reliability.io/service-name`. Among equal matches, components come before systems, resources
 * and APIs, then by title, then by ref.
 */
export function rankLookup(
  catalog: CatalogSnapshot,
  query: string,
): IndexedEntity[] {
  const q = query.trim().toLocaleLowerCase('en-US');
  if (!q) {
    return [];
  }
  const candidates: Candidate[] = [];
  for (const entity of catalog.entities) {
    const own = matchOf(entity.searchOwn ?? [], q);
    const other =
      own === undefined ? matchOf(entity.searchOthers ?? [], q) : undefined;
    const rank = own ?? (other === undefined ? undefined : 3 + other);
    if (rank !== undefined) {
      const kind = KIND_ORDER.indexOf(entity.kind.toLocaleLowerCase('en-US'));
      candidates.push({
        entity,
        rank,
        kindOrder: kind < 0 ? KIND_ORDER.length : kind,
      });
    }
  }
  candidates.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.kindOrder - b.kindOrder ||
      a.entity.title.localeCompare(b.entity.title) ||
      (a.entity.ref < b.entity.ref ? -1 : Number(a.entity.ref > b.entity.ref)),
  );
  return candidates.map(c => c.entity);
}
