import { ImpactSummary } from '@reliability-suite/backstage-plugin-reliability-common';
import { IndexedEntity } from '../catalog/CatalogSnapshot';
import { SloVerdict } from '../slo';
import { DependencyGraph } from './DependencyGraph';
import { ImpactQuery, ImpactWalk } from './DependencyIndex';

/**
 * What an impact query reaches in the catalog, the same for every caller: what each answer
 * filters by what its caller may read. It holds the graph's own entities, no copies, as it is
 * kept for later pages (see {@link ImpactReachCache}).
 */
export type GraphReach = {
  /** The reached catalog entities in answer order (depth, then ref). */
  entities: IndexedEntity[];
  /** The depth of each of `entities`. */
  depths: number[];
  /** The entities reached only through observed edges. */
  hidden: Set<string>;
  truncated: boolean;
  /** The summary for a caller who may read every entity, but for `frozen`, which SLOs decide. */
  summary: Omit<ImpactSummary, 'frozen'>;
  /** The `index`-th entity's shortest path from the root. */
  stepAt: ImpactWalk['stepAt'];
};

/** Walks the graph for `query` and describes what it reaches in the catalog. */
export function reachInGraph(
  graph: DependencyGraph,
  query: ImpactQuery,
): GraphReach {
  const walk = graph.index.walk(query);
  const entities: IndexedEntity[] = [];
  const depths: number[] = [];
  const positions: number[] = [];
  for (let at = 0; at < walk.refs.length; at++) {
    const node = graph.nodes.get(walk.refs[at]);
    if (node) {
      positions.push(at);
      entities.push(node);
      depths.push(walk.depths[at]);
    }
  }
  const hidden = new Set(walk.hidden);
  return {
    entities,
    depths,
    hidden,
    truncated: walk.truncated,
    summary: countReach(entities, depths, hidden),
    stepAt: index => walk.stepAt(positions[index]),
  };
}

/** Counts over `entities` at `depths`: by depth, by owner (most first), and hidden. */
export function countReach(
  entities: readonly IndexedEntity[],
  depths: readonly number[],
  hidden: ReadonlySet<string>,
): Omit<ImpactSummary, 'frozen'> {
  const owners = new Map<string, number>();
  const countsByDepth: number[] = [];
  let hiddenCount = 0;
  for (let at = 0; at < entities.length; at++) {
    const { ownerRef, ref } = entities[at];
    if (ownerRef) owners.set(ownerRef, (owners.get(ownerRef) ?? 0) + 1);
    countsByDepth[depths[at]] = (countsByDepth[depths[at]] ?? 0) + 1;
    if (hidden.size > 0 && hidden.has(ref)) hiddenCount++;
  }
  const byDepth: Record<string, number> = {};
  countsByDepth.forEach((count, depth) => {
    byDepth[String(depth)] = count;
  });
  return {
    entities: entities.length,
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
