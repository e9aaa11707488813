import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DependenciesResponse,
  EscalationResponse,
  ImpactResponse,
  LookupResponse,
  OnCallScheduleResponse,
  SloHistoryResponse,
  SloListResponse,
  ReleaseGateResponse,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { ReliabilityApi } from './ReliabilityApi';

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
  }): Promise<ImpactResponse> {
    const query = new URLSearchParams({
      entityRef: options.entityRef,
      direction: options.direction,
    });
    if (options.maxDepth) query.set('maxDepth', String(options.maxDepth));
    return this.get(`/impact?${query}`);
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

function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${[entity.kind, entity.namespace, entity.name]
    .map(part => encodeURIComponent(part))
    .join('/')}`;
}
