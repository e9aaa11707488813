import { CatalogSnapshot, IndexedEntity } from '../catalog/CatalogSnapshot';

type Candidate = { entity: IndexedEntity; rank: number };

/**
 * Entities matching `query` by name, title, tag, owner (ref, name or title) or the
 * `reliability.io/service-name` annotation, best first: an exact name (or service name), then
 * another exact match, then a prefix, then a substring; ties by entity ref.
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
    const names = entity.searchNames ?? [];
    const others = entity.searchOthers ?? [];
    let rank: number | undefined;
    if (names.includes(q)) rank = 0;
    else if (others.includes(q)) rank = 1;
    else if (
      names.some(s => s.startsWith(q)) ||
      others.some(s => s.startsWith(q))
    )
      rank = 2;
    else if (names.some(s => s.includes(q)) || others.some(s => s.includes(q)))
      rank = 3;
    if (rank !== undefined) {
      candidates.push({ entity, rank });
    }
  }
  const byRef = (a: Candidate, b: Candidate) => {
    if (a.entity.ref === b.entity.ref) return 0;
    return a.entity.ref < b.entity.ref ? -1 : 1;
  };
  candidates.sort((a, b) => a.rank - b.rank || byRef(a, b));
  return candidates.map(c => c.entity);
}
