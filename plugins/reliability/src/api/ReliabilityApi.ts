import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
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

/** The reliability suite's backend, as the frontend calls it. */
export interface ReliabilityApi {
  getEntitySlos(entity: CompoundEntityRef): Promise<SloListResponse>;
  getEntityReleaseGate(entity: CompoundEntityRef): Promise<ReleaseGateResponse>;
  getSloHistory(
    slo: { namespace: string; name: string },
    options: { objective: number; from?: string; to?: string },
  ): Promise<SloHistoryResponse>;
  getEntityEscalation(entity: CompoundEntityRef): Promise<EscalationResponse>;
  lookup(query: string, limit?: number): Promise<LookupResponse>;
  getOnCallSchedule(
    groupRef: string,
    options: { from: string; to: string },
  ): Promise<OnCallScheduleResponse>;
  getEntityDependencies(
    entity: CompoundEntityRef,
  ): Promise<DependenciesResponse>;
  getImpact(options: {
    entityRef: string;
    direction: 'downstream' | 'upstream';
    maxDepth?: number;
  }): Promise<ImpactResponse>;
}

/** @public */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
