import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ActionItem,
  ChangeRiskReport,
  Drill,
  DrillInput,
  DrillListResponse,
  EntityOverview,
  RunbookListResponse,
  DependenciesResponse,
  Incident,
  IncidentInput,
  IncidentListResponse,
  IncidentMetrics,
  IncidentPatch,
  IncidentStatus,
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
    /** Entities per page, nearest first; the whole answer without it. */
    limit?: number;
    /** The previous page's `cursor`. */
    cursor?: string;
  }): Promise<ImpactResponse>;

  declareIncident(input: IncidentInput): Promise<Incident>;
  getIncident(id: number): Promise<Incident>;
  updateIncident(id: number, patch: IncidentPatch): Promise<Incident>;
  listEntityIncidents(
    entity: CompoundEntityRef,
    options?: IncidentListOptions,
  ): Promise<IncidentListResponse>;
  listIncidents(options?: IncidentListOptions): Promise<IncidentListResponse>;
  getEntityIncidentMetrics(
    entity: CompoundEntityRef,
    options?: { from?: string; to?: string },
  ): Promise<IncidentMetrics>;
  getEntityActionItems(
    entity: CompoundEntityRef,
  ): Promise<{ items: OpenActionItem[] }>;
  getTimeline(incidentId: number): Promise<{ items: TimelineEntry[] }>;
  addTimelineEntry(
    incidentId: number,
    entry: { at?: string; kind: TimelineEntryKind; text: string },
  ): Promise<TimelineEntry>;
  /** The postmortem, or undefined while the incident has none. */
  getPostmortem(incidentId: number): Promise<Postmortem | undefined>;
  putPostmortem(
    incidentId: number,
    write: PostmortemWrite,
  ): Promise<Postmortem>;

  /** The Reliability tab in one request, each part with its own state. */
  getEntityOverview(entity: CompoundEntityRef): Promise<EntityOverview>;
  getEntityRunbooks(entity: CompoundEntityRef): Promise<RunbookListResponse>;
  listEntityDrills(
    entity: CompoundEntityRef,
    options?: { limit?: number; cursor?: string },
  ): Promise<DrillListResponse>;
  recordDrill(input: DrillInput): Promise<Drill>;
  getChangeRisk(entityRef: string): Promise<ChangeRiskReport>;
}

export type IncidentListOptions = {
  status?: IncidentStatus | 'open';
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
};

/** An open action item with the incident it came from. */
export type OpenActionItem = ActionItem & {
  incidentId: number;
  incidentTitle: string;
};

/** @public */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
