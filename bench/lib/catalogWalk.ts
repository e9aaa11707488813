import { CatalogApi } from '@backstage/catalog-client';
import {
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';

/**
 * The impact walk without an index, the way catalog-graph explores relations: one
 * `getEntitiesByRefs` call per level for the whole frontier, following `dependencyOf`
 * (downstream: who depends on this) or `dependsOn` (upstream). Returns each reached entity's
 * depth, the root excluded.
 */
export async function walkCatalog(
  catalog: CatalogApi,
  token: string,
  query: {
    root: string;
    direction: 'downstream' | 'upstream';
    maxDepth: number;
  },
): Promise<Map<string, number>> {
  const relation =
    query.direction === 'downstream'
      ? RELATION_DEPENDENCY_OF
      : RELATION_DEPENDS_ON;
  const depths = new Map<string, number>([[query.root, 0]]);
  let frontier = [query.root];
  for (let depth = 1; depth <= query.maxDepth && frontier.length > 0; depth++) {
    // Whole entities, as catalog-graph asks for them.
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: frontier },
      { token },
    );
    const next: string[] = [];
    for (const entity of items) {
      for (const { type, targetRef } of entity?.relations ?? []) {
        if (type === relation && !depths.has(targetRef)) {
          depths.set(targetRef, depth);
          next.push(targetRef);
        }
      }
    }
    frontier = next;
  }
  depths.delete(query.root);
  return depths;
}
