import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ChangeRiskReport,
  DependenciesResponse,
  Drill,
  DrillInput,
  DrillListResponse,
  EntityOverview,
  RunbookListResponse,
  Incident,
  IncidentInput,
  IncidentListResponse,
  IncidentMetrics,
  IncidentPatch,
  Postmortem,
  PostmortemWrite,
  TimelineEntry,
  TimelineEntryKind,
  EscalationResponse,
  ImpactResponse,
  LookupResponse,
  OnCallScheduleResponse,
  SloHistoryResponse,
  SloListResponse,
  ReleaseGateResponse,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  IncidentListOptions,
  OpenActionItem,
  ReliabilityApi,
} from './ReliabilityApi';

/** Calls `/api/reliability` with the signed-in user's credentials. */
export class ReliabilityClient implements ReliabilityApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  getEntitySlos(entity: CompoundEntityRef): Promise<SloListResponse> {
    return this.get(`${entityPath(entity)}/slos`);
  }

  getEntityReleaseGate(
    entity: CompoundEntityRef,
  ): Promise<ReleaseGateResponse> {
    return this.get(`${entityPath(entity)}/release-gate`);
  }

  getSloHistory(
    slo: { namespace: string; name: string },
    options: { objective: number; from?: string; to?: string },
  ): Promise<SloHistoryResponse> {
    const query = new URLSearchParams({ objective: String(options.objective) });
    if (options.from) query.set('from', options.from);
    if (options.to) query.set('to', options.to);
    return this.get(
      `/slos/${encodeURIComponent(slo.namespace)}/${encodeURIComponent(
        slo.name,
      )}/history?${query}`,
    );
  }

  getEntityEscalation(entity: CompoundEntityRef): Promise<EscalationResponse> {
    return this.get(`${entityPath(entity)}/escalation`);
  }

  lookup(query: string, limit = 10): Promise<LookupResponse> {
    return this.get(
      `/lookup?${new URLSearchParams({ q: query, limit: String(limit) })}`,
    );
  }

  getOnCallSchedule(
    groupRef: string,
    options: { from: string; to: string },
  ): Promise<OnCallScheduleResponse> {
    return this.get(
      `/oncall?${new URLSearchParams({ group: groupRef, ...options })}`,
    );
  }

  getEntityDependencies(
    entity: CompoundEntityRef,
  ): Promise<DependenciesResponse> {
    return this.get(`${entityPath(entity)}/dependencies`);
  }

  getImpact(options: {
    entityRef: string;
    direction: 'downstream' | 'upstream';
    maxDepth?: number;
    /** Entities per page, nearest first; the whole answer without it. */
    limit?: number;
    /** The previous page's `cursor`. */
    cursor?: string;
  }): Promise<ImpactResponse> {
    const query = new URLSearchParams({
      entityRef: options.entityRef,
      direction: options.direction,
    });
    if (options.maxDepth) query.set('maxDepth', String(options.maxDepth));
    if (options.limit) query.set('limit', String(options.limit));
    if (options.cursor) query.set('cursor', options.cursor);
    return this.get(`/impact?${query}`);
  }

  declareIncident(input: IncidentInput): Promise<Incident> {
    return this.send('POST', '/incidents', input);
  }

  getIncident(id: number): Promise<Incident> {
    return this.get(`/incidents/${id}`);
  }

  updateIncident(id: number, patch: IncidentPatch): Promise<Incident> {
    return this.send('PATCH', `/incidents/${id}`, patch);
  }

  listEntityIncidents(
    entity: CompoundEntityRef,
    options: IncidentListOptions = {},
  ): Promise<IncidentListResponse> {
    return this.get(`${entityPath(entity)}/incidents?${listQuery(options)}`);
  }

  listIncidents(
    options: IncidentListOptions = {},
  ): Promise<IncidentListResponse> {
    return this.get(`/incidents?${listQuery(options)}`);
  }

  getEntityIncidentMetrics(
    entity: CompoundEntityRef,
    options: { from?: string; to?: string } = {},
  ): Promise<IncidentMetrics> {
    return this.get(
      `${entityPath(entity)}/incident-metrics?${listQuery(options)}`,
    );
  }

  getEntityActionItems(
    entity: CompoundEntityRef,
  ): Promise<{ items: OpenActionItem[] }> {
    return this.get(`${entityPath(entity)}/action-items`);
  }

  getTimeline(incidentId: number): Promise<{ items: TimelineEntry[] }> {
    return this.get(`/incidents/${incidentId}/timeline`);
  }

  addTimelineEntry(
    incidentId: number,
    entry: { at?: string; kind: TimelineEntryKind; text: string },
  ): Promise<TimelineEntry> {
    return this.send('POST', `/incidents/${incidentId}/timeline`, entry);
  }

  async getPostmortem(incidentId: number): Promise<Postmortem | undefined> {
    try {
      return await this.get<Postmortem>(`/incidents/${incidentId}/postmortem`);
    } catch (error) {
      if ((error as ResponseError).response?.status === 404) {
        // The incident exists (its page asked for it first) and has no postmortem yet.
        return undefined;
      }
      throw error;
    }
  }

  putPostmortem(
    incidentId: number,
    write: PostmortemWrite,
  ): Promise<Postmortem> {
    return this.send('PUT', `/incidents/${incidentId}/postmortem`, write);
  }

  getEntityOverview(entity: CompoundEntityRef): Promise<EntityOverview> {
    return this.get(`${entityPath(entity)}/overview`);
  }

  getEntityRunbooks(entity: CompoundEntityRef): Promise<RunbookListResponse> {
    return this.get(`${entityPath(entity)}/runbooks`);
  }

  listEntityDrills(
    entity: CompoundEntityRef,
    options: { limit?: number; cursor?: string } = {},
  ): Promise<DrillListResponse> {
    return this.get(`${entityPath(entity)}/drills?${listQuery(options)}`);
  }

  recordDrill(input: DrillInput): Promise<Drill> {
    return this.send('POST', '/runbooks/drills', input);
  }

  getChangeRisk(entityRef: string): Promise<ChangeRiskReport> {
    return this.get(`/change-risk?${new URLSearchParams({ entityRef })}`);
  }

  private async send<T>(
    method: string,
    path: string,
    body: unknown,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('reliability');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  // The Reliability tab's header strip and its escalation card ask for the same entity at the
  // same time: identical reads in flight share one request.
  private readonly inFlight = new Map<string, Promise<unknown>>();

  private get<T>(path: string): Promise<T> {
    let pending = this.inFlight.get(path);
    if (!pending) {
      pending = this.fetchJson(path).finally(() => this.inFlight.delete(path));
      this.inFlight.set(path, pending);
    }
    return pending as Promise<T>;
  }

  private async fetchJson(path: string): Promise<unknown> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('reliability');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}

function listQuery(options: Record<string, string | number | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) query.set(key, String(value));
  }
  return query;
}

function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${[entity.kind, entity.namespace, entity.name]
    .map(part => encodeURIComponent(part))
    .join('/')}`;
}
