import { CatalogApi } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ESCALATION_POLICY_KIND } from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogIndex } from '../../plugins/reliability-backend/src/catalog/CatalogIndex';
import {
  CatalogSnapshot,
  INDEXED_FIELDS,
} from '../../plugins/reliability-backend/src/catalog/CatalogSnapshot';
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

/**
 * The rebuild of what a replica keeps in memory, measured in this process both ways: as it
 * was (two pagings of the whole catalog, one for the ownership index and one for the dependency
 * graph, plus the policies) and as it is (one paging into the catalog index, then the graph
 * from the snapshot). Both build the same in-memory snapshot and graph from what they read, so
 * the difference is the catalog reads. Also returns the index and graph kept alive after a
 * rebuild, for the memory measurement.
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

  const beforeStarted = performance.now();
  const [ownershipEntities, policies] = await Promise.all([
    queryAllEntities(catalogService, { fields: OWNERSHIP_FIELDS }, credentials),
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
  new DependencyGraph(new CatalogSnapshot(merged), observations);
  const beforeMs = performance.now() - beforeStarted;

  const collect = globalThis.gc;
  if (!collect) {
    throw new Error('Run with node --expose-gc (npm run bench:impact)');
  }
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const afterStarted = performance.now();
  const index = new CatalogIndex({
    catalog: catalogService,
    auth: { getOwnServiceCredentials: async () => credentials } as never,
    logger: { warn: () => {} } as never,
  });
  const graph = new DependencyGraph(await index.refresh(), observations);
  const afterMs = performance.now() - afterStarted;
  collect();
  const retainedBytes = process.memoryUsage().heapUsed - heapBefore;
  return {
    beforeMs,
    afterMs,
    retainedBytes,
    nodes: graph.nodes.size,
    entities: graph.snapshot.size,
    fieldsRead: INDEXED_FIELDS.length,
  };
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
