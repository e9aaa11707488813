import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DependenciesResponse,
  DependencyEdge,
  ImpactResponse,
  ImpactSummary,
  ObservedEdge,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { DependencyObserver } from '@reliability-suite/backstage-plugin-reliability-node';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import {
  CatalogSnapshot,
  IndexedEntity,
  UNPLACED_PREFIX,
} from '../catalog/CatalogSnapshot';
import { OwnershipReader } from '../escalation';
import { SloSnapshotReader, SloVerdict } from '../slo';
import { singleFlight } from '../util/singleFlight';
import { DependencyGraph, edgeKey } from './DependencyGraph';
import { ImpactStep } from './DependencyIndex';
import { ImpactReachCache } from './ImpactReachCache';
import { countFrozen, countReach, reachInGraph } from './impactReach';
import { encodeImpactCursor, ImpactPosition, isAfter } from './impactCursor';
import { ObservationStore } from './ObservationStore';

const DAY_MS = 86_400_000;
// Bounded by entities too: a kept reach holds 17 bytes per entity in typed arrays, and the
// refs of those reached only through observed edges or with SLOs.
const REACH_CACHE_LIMITS = { maxEntries: 64, maxEntities: 400_000 };

/** An impact question: from which root, which way, how deep, through which edges. */
export type ImpactQuery = {
  root: string;
  direction: 'downstream' | 'upstream';
  maxDepth: number;
  include: { declared: boolean; observed: boolean };
};

/** What an impact query reaches that the caller may read, in answer order (depth, then ref). */
export type ImpactReach = {
  root: string;
  direction: 'downstream' | 'upstream';
  size: number;
  entityAt(index: number): IndexedEntity;
  depthAt(index: number): number;
  /** The `index`-th entity's shortest path from the root. */
  stepAt(index: number): ImpactStep;
  /**
   * The entities reached only through observed edges; it may hold some the caller may not
   * read, so ask it about the reach's entities.
   */
  hidden: ReadonlySet<string>;
  /** The worst SLO verdict of each entity that has one. */
  slo: Map<string, SloVerdict>;
  summary: ImpactSummary;
  truncated: boolean;
};

export type DependencySettings = {
  retentionDays: number;
  staleAfterDays: number;
  maxDepth: number;
  maxResults: number;
};

/**
 * What other capabilities record as observed dependencies (incidents, as `incident` evidence),
 * visible at once as observations posted to the API are.
 */
export type ObservationWriter = Pick<DependencyService, 'record' | 'remove'>;

/** What the overview and the change-risk report read of the dependency graph. */
export type DependencyReader = Pick<
  DependencyService,
  'getDependencies' | 'getImpact' | 'reachImpact' | 'settings'
>;

/**
 * Answers the dependency and impact routes from an in-memory {@link DependencyGraph}, rebuilt
 * from the catalog index and the observation store on every replica, and updated in place by the
 * observations this replica takes. Every result is filtered by what the caller may read.
 */
export class DependencyService {
  private graph: DependencyGraph | undefined;
  private readonly reaches = new ImpactReachCache(REACH_CACHE_LIMITS);
  private building = false;
  /** The earliest `observedAt` among batches stored while a rebuild ran. */
  private recordedDuringBuild: Date | undefined;
  private readonly build = singleFlight(async () => {
    const { observations, settings, catalogIndex } = this.options;
    this.building = true;
    this.recordedDuringBuild = undefined;
    try {
      await observations.deleteObservationsNotSeenSince(
        new Date(Date.now() - settings.retentionDays * DAY_MS),
      );
      const snapshot = await catalogIndex.current();
      const graph = new DependencyGraph(
        snapshot,
        placeRefs(snapshot, await observations.listObservations()),
      );
      // A batch stored after the rebuild read the store would be lost when this graph replaces
      // the old one: read those rows again, as stored, until none arrived meanwhile.
      while (this.recordedDuringBuild) {
        const since = this.recordedDuringBuild;
        this.recordedDuringBuild = undefined;
        for (const observation of placeRefs(
          snapshot,
          await observations.listObservations({ since }),
        )) {
          graph.putObservation(observation);
        }
      }
      this.graph = graph;
      this.reaches.clear();
      return graph;
    } finally {
      this.building = false;
    }
  });

  constructor(
    private readonly options: {
      catalog: CatalogService;
      catalogIndex: CatalogIndex;
      readFilter: CatalogReadFilter;
      observations: ObservationStore;
      sloSnapshots: SloSnapshotReader;
      ownership: OwnershipReader;
      settings: DependencySettings;
    },
  ) {}

  get settings(): DependencySettings {
    return this.options.settings;
  }

  /**
   * Drops expired observations, then rebuilds the graph from the current catalog snapshot and
   * the stored observations; requests use the old graph meanwhile.
   */
  async refresh(): Promise<DependencyGraph> {
    return this.build();
  }

  private async current(): Promise<DependencyGraph> {
    return this.graph ?? this.refresh();
  }

  /** Stores a batch, and makes it visible on this replica at once. */
  async record(edges: ObservedEdge[]): Promise<void> {
    await this.options.observations.addObservations(edges);
    // The graph current when the batch was stored: a rebuild that starts later reads it from
    // the store, and one already running reads it again before it replaces this graph.
    const graph = this.graph;
    if (this.building) {
      const earliest = new Date(
        Math.min(...edges.map(edge => edge.observedAt.getTime())),
      );
      if (!this.recordedDuringBuild || earliest < this.recordedDuringBuild) {
        this.recordedDuringBuild = earliest;
      }
    }
    graph?.addObservedEdges(
      placeRefs(await this.options.catalogIndex.current(), edges),
    );
  }

  /**
   * Runs an observer once: its names become catalog refs (unknown names are kept, as
   * `component:default/<name>`, and listed as unknown), recorded as traffic evidence.
   */
  async observe(
    observer: DependencyObserver,
    signal?: AbortSignal,
  ): Promise<number> {
    const pairs = await observer.observe(signal);
    const snapshot = await this.options.catalogIndex.current();
    const refFor = (name: string) =>
      snapshot.entityForServiceName(name) ?? `${UNPLACED_PREFIX}${name}`;
    const at = new Date();
    const edges: ObservedEdge[] = pairs.map(pair => ({
      source: refFor(pair.client),
      target: refFor(pair.server),
      evidence: 'traffic',
      detail: observer.detail.slice(0, 255),
      observedAt: at,
    }));
    if (edges.length > 0) {
      await this.record(edges);
    }
    return edges.length;
  }

  /** Removes wrong observations; the graph drops them at its next rebuild. */
  async remove(
    edges: Array<
      Pick<ObservedEdge, 'source' | 'target' | 'evidence' | 'detail'>
    >,
  ): Promise<number> {
    const deleted = await this.options.observations.deleteObservations(edges);
    if (deleted > 0) {
      await this.refresh();
    }
    return deleted;
  }

  /**
   * Which of `refs` the caller may read (`all` when it may read every entity), after checking
   * it may read `root` (404 otherwise, as for an entity that does not exist). A root the graph
   * has is known to the catalog as of the last rebuild, so one read decision covers it and its
   * results; any other is looked up.
   */
  private async readableAround(
    graph: DependencyGraph,
    root: string,
    refs: () => string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string> | 'all'> {
    const readable = (await this.options.readFilter.readsEverything(
      credentials,
    ))
      ? 'all'
      : await this.options.readFilter.readable([root, ...refs()], credentials);
    const found = graph.nodes.has(root)
      ? readable === 'all' || readable.has(root)
      : Boolean(
          await this.options.catalog.getEntityByRef(root, { credentials }),
        );
    if (!found) {
      throw new NotFoundError(`No entity ${root} in the catalog`);
    }
    return readable;
  }

  async getDependencies(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<DependenciesResponse> {
    const graph = await this.current();
    const edges = graph.index.edgesOf(entityRef);
    const others = edges.map(e =>
      e.source === entityRef ? e.target : e.source,
    );
    const known = others.filter(ref => graph.index.isKnown(ref));
    const readable = await this.readableAround(
      graph,
      entityRef,
      () => known,
      credentials,
    );
    const staleCutoff = new Date(
      Date.now() - this.options.settings.staleAfterDays * DAY_MS,
    ).toISOString();
    // Only a dependent observed lately makes its silent declared edges suspect.
    const observedLately = (ref: string) =>
      (graph.lastSeenBySource.get(ref) ?? '') >= staleCutoff;

    const response: DependenciesResponse = {
      declared: [],
      observed: [],
      hidden: [],
      unobserved: [],
      unknown: [],
    };
    for (const edge of edges) {
      const other = edge.source === entityRef ? edge.target : edge.source;
      const isKnown = graph.index.isKnown(other);
      if (isKnown && readable !== 'all' && !readable.has(other)) continue;
      const evidence = (
        graph.evidence.get(edgeKey(edge.source, edge.target)) ?? []
      ).map(o => ({
        kind: o.evidence,
        detail: o.detail || null,
        firstSeen: o.firstSeen,
        lastSeen: o.lastSeen,
        count: o.count,
      }));
      const item: DependencyEdge = {
        source: edge.source,
        target: edge.target,
        direction: edge.source === entityRef ? 'upstream' : 'downstream',
        evidence,
      };
      const declared = graph.declared.has(edgeKey(edge.source, edge.target));
      if (!isKnown) {
        response.unknown.push(item);
        continue;
      }
      if (declared) response.declared.push(item);
      if (evidence.length > 0) response.observed.push(item);
      if (evidence.length > 0 && !declared) {
        response.hidden.push({
          ...item,
          suggestion: declareSuggestion(edge.source, edge.target),
        });
      }
      if (
        declared &&
        observedLately(edge.source) &&
        !evidence.some(e => e.lastSeen >= staleCutoff)
      ) {
        response.unobserved.push(item);
      }
    }
    return response;
  }

  /**
   * The entities an impact query reaches that the caller may read, with the whole answer's
   * summary, without a per-entity row: what the change-risk report and the overview read.
   */
  async reachImpact(
    query: ImpactQuery,
    credentials: BackstageCredentials,
  ): Promise<ImpactReach> {
    const graph = await this.current();
    const walked = { ...query, maxResults: this.options.settings.maxResults };
    // A graph replaced meanwhile is not kept alive in the cache.
    const reach =
      graph === this.graph
        ? this.reaches.reach(graph, walked)
        : reachInGraph(graph, walked);
    const refs = () =>
      Array.from({ length: reach.size }, (_, at) => reach.entityAt(at).ref);
    const readable = await this.readableAround(
      graph,
      query.root,
      refs,
      credentials,
    );
    if (readable === 'all') {
      const slo = await this.options.sloSnapshots.worstByEntity(reach.withSlos);
      return {
        root: query.root,
        direction: query.direction,
        size: reach.size,
        entityAt: reach.entityAt,
        depthAt: reach.depthAt,
        stepAt: reach.stepAt,
        hidden: reach.hidden,
        slo,
        // Copies: the kept reach's own counts never leave this service.
        summary: {
          ...reach.summary,
          owners: reach.summary.owners.map(owner => ({ ...owner })),
          byDepth: { ...reach.summary.byDepth },
          frozen: countFrozen(slo),
        },
        truncated: reach.truncated,
      };
    }
    const visible: number[] = [];
    for (let at = 0; at < reach.size; at++) {
      if (readable.has(reach.entityAt(at).ref)) visible.push(at);
    }
    const view = {
      size: visible.length,
      entityAt: (index: number) => reach.entityAt(visible[index]),
      depthAt: (index: number) => reach.depthAt(visible[index]),
      stepAt: (index: number) => reach.stepAt(visible[index]),
    };
    const slo = await this.options.sloSnapshots.worstByEntity(
      reach.withSlos.filter(ref => readable.has(ref)),
    );
    return {
      root: query.root,
      direction: query.direction,
      ...view,
      hidden: reach.hidden,
      slo,
      summary: {
        ...countReach(view, reach.hidden),
        frozen: countFrozen(slo),
      },
      truncated: reach.truncated,
    };
  }

  /**
   * A page of the impact answer, nearest first: rows with path, owner, on-call and SLO for the
   * page's entities only, and the whole answer's summary. Without `limit`, the page is the
   * whole answer (up to `maxResults`).
   */
  async getImpact(
    query: ImpactQuery & { limit?: number; cursor?: ImpactPosition },
    credentials: BackstageCredentials,
  ): Promise<ImpactResponse> {
    const reach = await this.reachImpact(query, credentials);
    const after = query.cursor;
    const from = after
      ? firstIndex(reach.size, at =>
          isAfter(
            { depth: reach.depthAt(at), entityRef: reach.entityAt(at).ref },
            after,
          ),
        )
      : 0;
    const to = Math.min(reach.size, from + (query.limit ?? reach.size));
    const page = Array.from({ length: to - from }, (_, i) =>
      reach.entityAt(from + i),
    );
    const ownership = await this.options.ownership.summarizeOwnership(
      page.map(entity => entity.ref),
    );
    const impacted: ImpactResponse['impacted'] = page.map((entity, i) => {
      const step = reach.stepAt(from + i);
      const own = ownership.get(entity.ref);
      return {
        entityRef: entity.ref,
        title: entity.title,
        kind: entity.kind,
        depth: step.depth,
        path: step.path,
        via: step.via,
        owner: entity.ownerRef
          ? {
              ref: entity.ownerRef,
              title: own?.ownerTitle ?? parseEntityRef(entity.ownerRef).name,
            }
          : null,
        lifecycle: entity.lifecycle,
        onCall: own ? own.onCall : null,
        slo: reach.slo.get(entity.ref) ?? null,
      };
    });
    return {
      root: reach.root,
      direction: reach.direction,
      impacted,
      summary: reach.summary,
      truncated: reach.truncated,
      cursor:
        to < reach.size && to > from
          ? encodeImpactCursor({
              depth: reach.depthAt(to - 1),
              entityRef: reach.entityAt(to - 1).ref,
            })
          : null,
    };
  }
}

/** The first of `0 … length - 1` that passes `test`, which fails up to some point and then passes. */
function firstIndex(length: number, test: (at: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Observed refs as the catalog knows them now (see `CatalogSnapshot.placeObservedRef`). */
function placeRefs<T extends { source: string; target: string }>(
  snapshot: CatalogSnapshot,
  items: T[],
): T[] {
  return items.map(item => ({
    ...item,
    source: snapshot.placeObservedRef(item.source),
    target: snapshot.placeObservedRef(item.target),
  }));
}

/** The catalog-info.yaml lines that declare `source` → `target`. */
function declareSuggestion(source: string, target: string): string {
  return [
    `# in the catalog-info.yaml of ${source}`,
    'spec:',
    '  dependsOn:',
    `    - ${target}`,
    '',
  ].join('\n');
}
