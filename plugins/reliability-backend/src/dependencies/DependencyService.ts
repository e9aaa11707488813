import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DependenciesResponse,
  DependencyEdge,
  ImpactResponse,
  ObservedEdge,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { DependencyObserver } from '@reliability-suite/backstage-plugin-reliability-node';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { CatalogSnapshot, UNPLACED_PREFIX } from '../catalog/CatalogSnapshot';
import { OwnershipReader } from '../escalation';
import { SloSnapshotReader } from '../slo';
import { singleFlight } from '../util/singleFlight';
import { DependencyGraph, edgeKey } from './DependencyGraph';
import { ObservationStore } from './ObservationStore';

const DAY_MS = 86_400_000;

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
  'getDependencies' | 'getImpact' | 'settings'
>;

/**
 * Answers the dependency and impact routes from an in-memory {@link DependencyGraph}, rebuilt
 * from the catalog index and the observation store on every replica, and updated in place by the
 * observations this replica takes. Every result is filtered by what the caller may read.
 */
export class DependencyService {
  private graph: DependencyGraph | undefined;
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
   * Which of `refs` the caller may read, after checking it may read `root` (404 otherwise, as
   * for an entity that does not exist). A root the graph has is known to the catalog as of the
   * last rebuild, so one read decision covers it and its results; any other is looked up.
   */
  private async readableAround(
    graph: DependencyGraph,
    root: string,
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const readable = await this.options.readFilter.readable(
      [root, ...refs],
      credentials,
    );
    const found = graph.nodes.has(root)
      ? readable.has(root)
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
      known,
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
      if (isKnown && !readable.has(other)) continue;
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

  async getImpact(
    query: {
      root: string;
      direction: 'downstream' | 'upstream';
      maxDepth: number;
      include: { declared: boolean; observed: boolean };
    },
    credentials: BackstageCredentials,
  ): Promise<ImpactResponse> {
    const graph = await this.current();
    const { steps, truncated } = graph.index.impact({
      ...query,
      maxResults: this.options.settings.maxResults,
    });
    const catalogSteps = steps.filter(step => graph.nodes.has(step.ref));
    const readable = await this.readableAround(
      graph,
      query.root,
      catalogSteps.map(s => s.ref),
      credentials,
    );
    const visible = catalogSteps.filter(step => readable.has(step.ref));

    const refs = visible.map(s => s.ref);
    const [ownership, sloVerdicts] = await Promise.all([
      this.options.ownership.summarizeOwnership(refs),
      this.options.sloSnapshots.worstByEntity(refs),
    ]);

    const impacted: ImpactResponse['impacted'] = visible.map(step => {
      const node = graph.nodes.get(step.ref)!;
      const own = ownership.get(step.ref);
      return {
        entityRef: step.ref,
        title: node.title,
        kind: node.kind,
        depth: step.depth,
        path: step.path,
        via: step.via,
        owner: node.ownerRef
          ? {
              ref: node.ownerRef,
              title: own?.ownerTitle ?? parseEntityRef(node.ownerRef).name,
            }
          : null,
        lifecycle: node.lifecycle,
        onCall: own ? own.onCall : null,
        slo: sloVerdicts.get(step.ref) ?? null,
      };
    });

    const owners = new Map<string, number>();
    const byDepth: Record<string, number> = {};
    for (const item of impacted) {
      if (item.owner)
        owners.set(item.owner.ref, (owners.get(item.owner.ref) ?? 0) + 1);
      byDepth[String(item.depth)] = (byDepth[String(item.depth)] ?? 0) + 1;
    }
    return {
      root: query.root,
      direction: query.direction,
      impacted,
      summary: {
        entities: impacted.length,
        owners: [...owners.entries()]
          .map(([ref, count]) => ({ ref, count }))
          .sort((a, b) => b.count - a.count || (a.ref < b.ref ? -1 : 1)),
        byDepth,
        frozen: impacted.filter(i => i.slo?.state === 'freeze').length,
      },
      truncated,
    };
  }
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
