import { CatalogApi } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ESCALATION_POLICY_KIND } from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogIndex } from '../../plugins/reliability-backend/src/catalog/CatalogIndex';
import { CatalogSnapshot } from '../../plugins/reliability-backend/src/catalog/CatalogSnapshot';
import { queryAllEntities } from '../../plugins/reliability-backend/src/catalog/queryAllEntities';
import { DependencyGraph } from '../../plugins/reliability-backend/src/dependencies/DependencyGraph';
import { Observation } from '../../plugins/reliability-backend/src/dependencies/ObservationStore';

// What each replica read every minute before the catalog index: the ownership index paged the
// whole catalog with these fields and read every escalation policy whole...
const OWNERSHIP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.tags',
  'metadata.annotations',
  'spec.owner',
  'spec.parent',
  'spec.profile',
  'relations',
];
// ...and the dependency graph paged it again with these.
const GRAPH_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.owner',
  'spec.lifecycle',
  'relations',
];

// Rounds of each way, alternating, so that neither meets a colder catalog than the other.
const ROUNDS = 3;

/**
 * The rebuild of what a replica keeps in memory, measured in this process both ways: as it
 * was (two pagings of the whole catalog, one with the ownership index's fields and the
 * policies, one with the dependency graph's) and as it is (one paging into the catalog index,
 * then the graph from the snapshot). Both build today's snapshot and graph from what they read,
 * so the difference is the catalog reads. Medians of alternating rounds; then the retained heap
 * of the index and graph one rebuild keeps alive.
 */
export async function measureCatalogIndexRebuild(options: {
  catalog: CatalogApi;
  token: string;
  observations: Observation[];
}) {
  const { catalog, token, observations } = options;
  const catalogService = {
    queryEntities: (request: Parameters<CatalogApi['queryEntities']>[0]) =>
      catalog.queryEntities(request, { token }),
  } as unknown as CatalogService;
  const credentials = undefined as never;
  const index = () =>
    new CatalogIndex({
      catalog: catalogService,
      auth: { getOwnServiceCredentials: async () => credentials } as never,
      logger: { warn: () => {} } as never,
    });
  const timed = async (rebuild: () => Promise<unknown>) => {
    const started = performance.now();
    await rebuild();
    return performance.now() - started;
  };

  const before: number[] = [];
  const after: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    before.push(
      await timed(async () => {
        const [ownershipEntities, policies] = await Promise.all([
          queryAllEntities(
            catalogService,
            { fields: OWNERSHIP_FIELDS },
            credentials,
          ),
          queryAllEntities(
            catalogService,
            { filter: { kind: ESCALATION_POLICY_KIND } },
            credentials,
          ),
        ]);
        const graphEntities = await queryAllEntities(
          catalogService,
          { fields: GRAPH_FIELDS },
          credentials,
        );
        const merged = mergeByRef([
          ...ownershipEntities,
          ...policies,
          ...graphEntities,
        ]);
        return new DependencyGraph(new CatalogSnapshot(merged), observations);
      }),
    );
    after.push(
      await timed(
        async () => new DependencyGraph(await index().refresh(), observations),
      ),
    );
  }

  const collect = globalThis.gc;
  if (!collect) {
    throw new Error('Run with node --expose-gc (npm run bench:impact)');
  }
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const graph = new DependencyGraph(await index().refresh(), observations);
  collect();
  const retainedBytes = process.memoryUsage().heapUsed - heapBefore;
  return {
    beforeMs: median(before),
    afterMs: median(after),
    rounds: ROUNDS,
    retainedBytes,
    // Read after the heap is measured, so that the graph is still alive when it is.
    nodes: graph.nodes.size,
    entities: graph.snapshot.size,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function mergeByRef(entities: Entity[]): Entity[] {
  const byRef = new Map<string, Entity>();
  for (const entity of entities) {
    const key = `${entity.kind}:${entity.metadata.namespace}/${entity.metadata.name}`;
    const known = byRef.get(key);
    byRef.set(
      key,
      known
        ? {
            ...known,
            metadata: { ...known.metadata, ...entity.metadata },
            spec: { ...known.spec, ...entity.spec },
          }
        : entity,
    );
  }
  return [...byRef.values()];
}
