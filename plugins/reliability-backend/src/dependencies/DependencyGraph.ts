import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ObservedEdge,
  RELATION_HAS_SLO,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { ownerRefOf } from '../catalog/ownerRefOf';
import { queryAllEntities } from '../catalog/queryAllEntities';
import { DependencyIndex } from './DependencyIndex';
import { Observation } from './ObservationStore';

export type NodeInfo = {
  ref: string;
  kind: string;
  title: string;
  ownerRef: string | undefined;
  lifecycle: string | null;
  sloRefs: string[];
};

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.owner',
  'spec.lifecycle',
  'relations',
];
// Not parts of a running system: no dependency edges go through them.
const NOT_NODES = new Set([
  'api',
  'location',
  'user',
  'group',
  'escalationpolicy',
  'slo',
  'sli',
  'domain',
  'template',
]);

export const edgeKey = (source: string, target: string) =>
  `${source}\u0000${target}`;

/**
 * The dependency graph and what the suite knows about its nodes and observed edges, rebuilt
 * from the catalog (in pages, with a `fields` filter) and the observation store.
 */
export class DependencyGraph {
  readonly index = new DependencyIndex();
  readonly nodes = new Map<string, NodeInfo>();
  /** Evidence per observed edge. */
  readonly evidence = new Map<string, Observation[]>();
  /** When each dependent was last observed depending on anything (ISO-8601). */
  readonly lastSeenBySource = new Map<string, string>();
  /** Declared edges, by key. */
  readonly declared = new Set<string>();

  static async build(options: {
    catalog: CatalogService;
    credentials: BackstageCredentials;
    observations: Observation[];
  }): Promise<DependencyGraph> {
    const graph = new DependencyGraph();
    const entities = await queryAllEntities(
      options.catalog,
      { fields: FIELDS },
      options.credentials,
    );

    // An API is not a node: consuming it is depending on whoever provides it.
    const providers = new Map<string, string[]>();
    for (const entity of entities) {
      for (const relation of entity.relations ?? []) {
        if (relation.type === RELATION_PROVIDES_API) {
          const list = providers.get(relation.targetRef) ?? [];
          list.push(stringifyEntityRef(entity));
          providers.set(relation.targetRef, list);
        }
      }
    }
    for (const entity of entities) {
      const kind = entity.kind.toLocaleLowerCase('en-US');
      if (NOT_NODES.has(kind)) continue;
      const ref = stringifyEntityRef(entity);
      graph.index.addEntity(ref);
      graph.nodes.set(ref, {
        ref,
        kind: entity.kind,
        title: entity.metadata.title ?? entity.metadata.name,
        ownerRef: ownerRefOf(entity),
        lifecycle:
          ((entity.spec as { lifecycle?: unknown })?.lifecycle as string) ??
          null,
        sloRefs: (entity.relations ?? [])
          .filter(r => r.type === RELATION_HAS_SLO)
          .map(r => r.targetRef),
      });
    }
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity);
      if (!graph.nodes.has(ref)) continue;
      for (const relation of entity.relations ?? []) {
        if (relation.type === RELATION_DEPENDS_ON) {
          graph.addDeclared(ref, relation.targetRef);
        } else if (relation.type === RELATION_DEPENDENCY_OF) {
          graph.addDeclared(relation.targetRef, ref);
        } else if (relation.type === RELATION_CONSUMES_API) {
          for (const provider of providers.get(relation.targetRef) ?? []) {
            graph.addDeclared(ref, provider);
          }
        }
      }
    }
    for (const observation of options.observations) {
      graph.addObservation(observation);
    }
    return graph;
  }

  private addDeclared(source: string, target: string) {
    if (source === target) return;
    this.index.addEdge(source, target, 'declared');
    this.declared.add(edgeKey(source, target));
  }

  /** Adds an observation (also right after it is recorded, before the next rebuild). */
  addObservation(observation: Observation) {
    this.mergeEvidence(observation, known => ({
      ...known,
      count: known.count + observation.count,
      firstSeen:
        known.firstSeen < observation.firstSeen
          ? known.firstSeen
          : observation.firstSeen,
      lastSeen:
        known.lastSeen > observation.lastSeen
          ? known.lastSeen
          : observation.lastSeen,
    }));
  }

  /** Sets an observation as stored, replacing what the graph had for the same evidence. */
  putObservation(observation: Observation) {
    this.mergeEvidence(observation, () => observation);
  }

  private mergeEvidence(
    observation: Observation,
    merge: (known: Observation) => Observation,
  ) {
    if (observation.source === observation.target) return;
    this.index.addEdge(observation.source, observation.target, 'observed');
    const lastSeen = this.lastSeenBySource.get(observation.source);
    if (!lastSeen || observation.lastSeen > lastSeen) {
      this.lastSeenBySource.set(observation.source, observation.lastSeen);
    }
    const key = edgeKey(observation.source, observation.target);
    const list = this.evidence.get(key) ?? [];
    const same = list.findIndex(
      o =>
        o.evidence === observation.evidence && o.detail === observation.detail,
    );
    if (same >= 0) {
      list[same] = merge(list[same]);
    } else {
      list.push(observation);
    }
    this.evidence.set(key, list);
  }

  addObservedEdges(edges: ObservedEdge[]) {
    for (const edge of edges) {
      const at = edge.observedAt.toISOString();
      this.addObservation({
        source: edge.source,
        target: edge.target,
        evidence: edge.evidence,
        detail: edge.detail,
        firstSeen: at,
        lastSeen: at,
        count: 1,
      });
    }
  }
}
