import { ImpactSummary } from '@reliability-suite/backstage-plugin-reliability-common';
import { IndexedEntity } from '../catalog/CatalogSnapshot';
import { SloVerdict } from '../slo';
import { DependencyGraph } from './DependencyGraph';
import { ImpactQuery, ImpactStep } from './DependencyIndex';

/**
 * What an impact query reaches in the catalog, the same for every caller: what each answer
 * filters by what its caller may read. Kept for later pages (see `ImpactReachCache`), it holds
 * typed arrays and the graph's own entities, no copies.
 */
export type GraphReach = {
  /** How many catalog entities it reached. */
  size: number;
  /** The `index`-th in answer order (depth, then ref). */
  entityAt(index: number): IndexedEntity;
  depthAt(index: number): number;
  /** The `index`-th entity's shortest path from the root. */
  stepAt(index: number): ImpactStep;
  /** The entities reached only through observed edges. */
  hidden: Set<string>;
  /** The reached entities with SLOs, of which the caller's answer wants the worst verdicts. */
  withSlos: string[];
  truncated: boolean;
  /** The summary for a caller who may read every entity, but for `frozen`, which SLOs decide. */
  summary: Omit<ImpactSummary, 'frozen'>;
};

/** Walks the graph for `query` and describes what it reaches in the catalog. */
export function reachInGraph(
  graph: DependencyGraph,
  query: ImpactQuery,
): GraphReach {
  const walk = graph.index.walk(query);
  // Positions in the walk of catalog entities; names seen in traffic that no entity has are
  // not part of an impact answer.
  const inCatalog = new Int32Array(walk.size);
  let size = 0;
  for (let at = 0; at < walk.size; at++) {
    if (walk.entityAt(at)) inCatalog[size++] = at;
  }
  const positions = inCatalog.slice(0, size);
  const reach = {
    size,
    entityAt: (index: number) => walk.entityAt(positions[index])!,
    depthAt: (index: number) => walk.depthAt(positions[index]),
    stepAt: (index: number) => walk.stepAt(positions[index]),
  };
  const hidden = new Set(walk.hidden);
  const withSlos: string[] = [];
  for (let index = 0; index < size; index++) {
    const entity = reach.entityAt(index);
    if (entity.sloRefs.length > 0) withSlos.push(entity.ref);
  }
  return {
    ...reach,
    hidden,
    withSlos,
    truncated: walk.truncated,
    summary: countReach(reach, hidden),
  };
}

/** Counts over what `reach` holds: by depth, by owner (most first), and hidden. */
export function countReach(
  reach: Pick<GraphReach, 'size' | 'entityAt' | 'depthAt'>,
  hidden: ReadonlySet<string>,
): Omit<ImpactSummary, 'frozen'> {
  const owners = new Map<string, number>();
  const countsByDepth: number[] = [];
  let hiddenCount = 0;
  for (let at = 0; at < reach.size; at++) {
    const { ownerRef, ref } = reach.entityAt(at);
    if (ownerRef) owners.set(ownerRef, (owners.get(ownerRef) ?? 0) + 1);
    const depth = reach.depthAt(at);
    countsByDepth[depth] = (countsByDepth[depth] ?? 0) + 1;
    if (hidden.size > 0 && hidden.has(ref)) hiddenCount++;
  }
  const byDepth: Record<string, number> = {};
  countsByDepth.forEach((count, depth) => {
    byDepth[String(depth)] = count;
  });
  return {
    entities: reach.size,
    owners: [...owners.entries()]
      .map(([ref, count]) => ({ ref, count }))
      .sort((a, b) => b.count - a.count || (a.ref < b.ref ? -1 : 1)),
    byDepth,
    hidden: hiddenCount,
  };
}

/** How many of the entities' worst SLO verdicts are a freeze. */
export function countFrozen(slo: Map<string, SloVerdict>): number {
  let frozen = 0;
  for (const verdict of slo.values()) {
    if (verdict.state === 'freeze') frozen++;
  }
  return frozen;
}
