import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  compareSloStates,
  DependenciesResponse,
  DependencyEdge,
  ImpactResponse,
  ObservedEdge,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { DependencyObserver } from '@reliability-suite/backstage-plugin-reliability-node';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { EscalationService } from '../escalation/EscalationService';
import { SloSnapshot, SloSnapshotStore } from '../slo/SloSnapshotStore';
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
 * Answers the dependency and impact routes from an in-memory {@link DependencyGraph}, rebuilt
 * on a schedule on every replica and updated in place by the observations this replica takes.
 * Every result is filtered by what the caller may read in the catalog.
 */
export class DependencyService {
  private graph: DependencyGraph | undefined;
  private building = false;
  /** The earliest `observedAt` among batches stored while a rebuild ran. */
  private recordedDuringBuild: Date | undefined;
  private readonly build = singleFlight(async () => {
    const { observations, settings, auth, catalog } = this.options;
    this.building = true;
    this.recordedDuringBuild = undefined;
    try {
      await observations.deleteObservationsNotSeenSince(
        new Date(Date.now() - settings.retentionDays * DAY_MS),
      );
      const graph = await DependencyGraph.build({
        catalog,
        credentials: await auth.getOwnServiceCredentials(),
        observations: await this.placeRefs(
          await observations.listObservations(),
        ),
      });
      // A batch stored after the rebuild read the store would be lost when this graph replaces
      // the old one: read those rows again, as stored, until none arrived meanwhile.
      while (this.recordedDuringBuild) {
        const since = this.recordedDuringBuild;
        this.recordedDuringBuild = undefined;
        for (const observation of await this.placeRefs(
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
      readFilter: CatalogReadFilter;
      auth: AuthService;
      observations: ObservationStore;
      snapshots: SloSnapshotStore;
      escalation: EscalationService;
      settings: DependencySettings;
    },
  ) {}

  get settings(): DependencySettings {
    return this.options.settings;
  }

  /** Drops expired observations, then rebuilds the graph; requests use the old one meanwhile. */
  async refresh(): Promise<DependencyGraph> {
    return this.build();
  }

  /** Observed refs as the catalog knows them now (see `EscalationService.canonicalRefs`). */
  private async placeRefs<T extends { source: string; target: string }>(
    items: T[],
  ): Promise<T[]> {
    const canonical = await this.options.escalation.canonicalRefs(
      items.flatMap(item => [item.source, item.target]),
    );
    return items.map(item => ({
      ...item,
      source: canonical.get(item.source) ?? item.source,
      target: canonical.get(item.target) ?? item.target,
    }));
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
    graph?.addObservedEdges(await this.placeRefs(edges));
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
    const names = await this.options.escalation.resolveServiceNames(
      pairs.flatMap(p => [p.client, p.server]),
    );
    const refFor = (name: string) =>
      names.get(name) ?? `component:default/${name}`;
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

    const ownership = await this.options.escalation.summarizeOwnership(
      visible.map(s => s.ref),
    );
    const sloRefs = visible.flatMap(s => graph.nodes.get(s.ref)!.sloRefs);
    const snapshotsBySlo = new Map<string, SloSnapshot[]>();
    for (const snapshot of await this.options.snapshots.getLatestSnapshots(
      sloRefs,
    )) {
      snapshotsBySlo.set(snapshot.sloRef, [
        ...(snapshotsBySlo.get(snapshot.sloRef) ?? []),
        snapshot,
      ]);
    }

    const impacted: ImpactResponse['impacted'] = visible.map(step => {
      const node = graph.nodes.get(step.ref)!;
      const own = ownership.get(step.ref);
      const worst = node.sloRefs
        .flatMap(ref => snapshotsBySlo.get(ref) ?? [])
        .sort((a, b) => compareSloStates(a.state, b.state))[0];
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
        slo: worst
          ? {
              state: worst.state,
              errorBudgetRemaining: worst.details.errorBudget.remaining,
            }
          : null,
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
