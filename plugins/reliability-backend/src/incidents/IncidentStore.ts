import {
  Incident,
  IncidentCause,
  IncidentEntity,
  IncidentExternalRef,
  IncidentMitigation,
  IncidentSeverity,
  IncidentStatus,
  Postmortem,
  PostmortemInput,
  TimelineEntry,
} from '@reliability-suite/backstage-plugin-reliability-common';

/** An incident's own fields, checked and with times as instants. */
export type IncidentFields = {
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  cause: IncidentCause;
  startedAt: Date;
  detectedAt: Date | null;
  declaredAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  mitigation: IncidentMitigation | null;
  commander: string | null;
  summary: string | null;
  impact: string | null;
  channel: string | null;
  entities: IncidentEntity[];
  externalRefs: IncidentExternalRef[];
};

/** Where a page of incidents starts: after this one, in newest-first order. */
export type IncidentPosition = { startedAt: Date; id: number };

export type IncidentFilter = {
  /** Only incidents involving this entity. */
  entityRef?: string;
  /** A status, or `open` for every status but resolved. */
  status?: IncidentStatus | 'open';
  /** `startedAt` at or after. */
  from?: Date;
  /** `startedAt` before. */
  to?: Date;
};

/** An incident's times, severity and postmortem state, for its metrics. */
export type IncidentMeasure = Pick<
  Incident,
  | 'id'
  | 'severity'
  | 'cause'
  | 'status'
  | 'startedAt'
  | 'detectedAt'
  | 'declaredAt'
  | 'mitigatedAt'
  | 'resolvedAt'
> & { hasPostmortem: boolean; openActionItems: number };

/** Where incidents, their timelines and postmortems are kept, shared by every replica. */
export interface IncidentStore {
  createIncident(
    fields: IncidentFields,
    options: { createdBy: string; at: Date },
  ): Promise<Incident>;

  getIncident(id: number): Promise<Incident | undefined>;

  /**
   * Changes the given fields if the incident is still at `version`, raising it by one, and adds
   * `timelineEntry` (a status change) in the same transaction; throws `ConflictError` (writing
   * nothing) when another write came first or an external reference is another incident's,
   * `NotFoundError` when there is no such incident.
   */
  updateIncident(
    id: number,
    version: number,
    changes: Partial<IncidentFields>,
    options: { at: Date; timelineEntry?: Omit<TimelineEntry, 'id'> },
  ): Promise<Incident>;

  /** Newest `startedAt` first, then by id; at most `limit`, after `after` when given. */
  listIncidents(
    filter: IncidentFilter,
    page: { limit: number; after?: IncidentPosition },
  ): Promise<Incident[]>;

  /** What the metrics of `entityRef` need, for the incidents that started in [from, to). */
  measureIncidents(filter: IncidentFilter): Promise<IncidentMeasure[]>;

  findByExternalRef(system: string, id: string): Promise<Incident | undefined>;

  addTimelineEntry(entry: Omit<TimelineEntry, 'id'>): Promise<TimelineEntry>;

  /** In time order, at most `limit`. */
  listTimeline(incidentId: number, limit: number): Promise<TimelineEntry[]>;

  getPostmortem(incidentId: number): Promise<Postmortem | undefined>;

  /**
   * Creates the postmortem (`version` undefined, version 1) or replaces it (`version` the
   * current one, raised by one); throws `ConflictError` when the version does not match.
   */
  putPostmortem(
    incidentId: number,
    postmortem: PostmortemInput,
    options: { version?: number; by: string; at: Date },
  ): Promise<Postmortem>;

  /**
   * Open action items of the postmortems of incidents involving `entityRef`, newest incident
   * first, at most `limit`.
   */
  listOpenActionItemsOfEntity(
    entityRef: string,
    limit: number,
  ): Promise<
    Array<
      {
        incidentId: number;
        incidentTitle: string;
      } & Postmortem['actionItems'][number]
    >
  >;

  /** Whether a webhook delivery or event with one of these keys was applied before. */
  hasDelivery(keys: string[]): Promise<boolean>;

  /**
   * Records applied webhook deliveries and events by their keys, after they were applied: a
   * delivery cut short before is applied again when it is retried.
   */
  recordDeliveries(keys: string[], at: Date): Promise<void>;
}
