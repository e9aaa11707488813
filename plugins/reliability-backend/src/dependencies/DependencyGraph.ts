import {
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import {
  isRunningKind,
  ObservedEdge,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogSnapshot, IndexedEntity } from '../catalog/CatalogSnapshot';
import { DependencyIndex } from './DependencyIndex';
import { Observation } from './ObservationStore';

export const edgeKey = (source: string, target: string) =>
  `${source}\u0000${target}`;

/**
 * The dependency graph over the catalog index's entities that run, with what the suite knows
 * of its observed edges: declared edges from the snapshot's relations, observed ones from the
 * observation store. Rebuilt whenever the snapshot is replaced or the observations are re-read.
 */
export class DependencyGraph {
  readonly index = new DependencyIndex<IndexedEntity>();
  /** The catalog's entities that run (`RUNNING_KINDS`), from {@link DependencyGraph.snapshot}. */
  readonly nodes: ReadonlyMap<string, IndexedEntity>;
  /** Evidence per observed edge. */
  readonly evidence = new Map<string, Observation[]>();
  /** When each dependent was last observed depending on anything (ISO-8601). */
  readonly lastSeenBySource = new Map<string, string>();
  /** Declared edges, by key. */
  readonly declared = new Set<string>();

  constructor(readonly snapshot: CatalogSnapshot, observations: Observation[]) {
    const running = snapshot.entities.filter(entity =>
      isRunningKind(entity.kind),
    );
    this.nodes = new Map(running.map(entity => [entity.ref, entity]));
    // An API is not a node: consuming it is depending on whoever provides it.
    const providers = new Map<string, string[]>();
    for (const entity of running) {
      this.index.addEntity(entity.ref, entity);
      for (const relation of entity.relations) {
        if (relation.type === RELATION_PROVIDES_API) {
          const list = providers.get(relation.targetRef) ?? [];
          list.push(entity.ref);
          providers.set(relation.targetRef, list);
        }
      }
    }
    for (const entity of running) {
      for (const relation of entity.relations) {
        if (relation.type === RELATION_DEPENDS_ON) {
          this.addDeclared(entity.ref, relation.targetRef);
        } else if (relation.type === RELATION_DEPENDENCY_OF) {
          this.addDeclared(relation.targetRef, entity.ref);
        } else if (relation.type === RELATION_CONSUMES_API) {
          for (const provider of providers.get(relation.targetRef) ?? []) {
            this.addDeclared(entity.ref, provider);
          }
        }
      }
    }
    for (const observation of observations) {
      this.addObservation(observation);
    }
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
