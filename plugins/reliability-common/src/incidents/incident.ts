/** How bad: SEV1 the worst. */
export const INCIDENT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** Where the response stands; every status but `resolved` is open. */
export const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What kind of failure it was, as far as is known. */
export const INCIDENT_CAUSES = [
  'hardware',
  'network',
  'database',
  'code',
  'config',
  'capacity',
  'dependency',
  'test',
  'process',
  'unknown',
] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

/** What stopped the harm. */
export const INCIDENT_MITIGATIONS = [
  'rollback',
  'restart',
  'scale',
  'hotfix',
  'config',
  'failover',
  'other',
] as const;
export type IncidentMitigation = (typeof INCIDENT_MITIGATIONS)[number];

/** An entity's part in an incident: what failed, or what it took down with it. */
export const INCIDENT_ENTITY_ROLES = ['root-cause', 'affected'] as const;
export type IncidentEntityRole = (typeof INCIDENT_ENTITY_ROLES)[number];

export const TIMELINE_ENTRY_KINDS = [
  'note',
  'action',
  'status-change',
  'alert',
  'change',
] as const;
export type TimelineEntryKind = (typeof TIMELINE_ENTRY_KINDS)[number];

/** What an action item is for: prevent it, detect it sooner, respond better. */
export const ACTION_ITEM_CATEGORIES = ['prevent', 'detect', 'respond'] as const;
export type ActionItemCategory = (typeof ACTION_ITEM_CATEGORIES)[number];

export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** The longest text each field takes; longer answers 400 naming the field. */
export const INCIDENT_TEXT_LIMITS = {
  title: 200,
  summary: 10_000,
  impact: 10_000,
  channel: 255,
  entityRef: 255,
  externalSystem: 64,
  externalId: 255,
  url: 2_000,
  timelineText: 5_000,
  postmortemPart: 20_000,
  actionItemText: 1_000,
} as const;

/** At most this many entities, external references or action items per incident. */
export const INCIDENT_LIST_LIMITS = {
  entities: 100,
  externalRefs: 20,
  actionItems: 100,
} as const;

export type IncidentEntity = { entityRef: string; role: IncidentEntityRole };

/** The same incident in another system, e.g. PagerDuty's. */
export type IncidentExternalRef = { system: string; id: string; url?: string };

/** What a declaration (`POST /incidents`) carries. Times are ISO-8601. */
export type IncidentInput = {
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  cause: IncidentCause;
  startedAt: string;
  detectedAt?: string | null;
  declaredAt?: string | null;
  mitigatedAt?: string | null;
  resolvedAt?: string | null;
  mitigation?: IncidentMitigation | null;
  /** The incident commander's user entity ref. */
  commander?: string | null;
  summary?: string | null;
  /** Who is affected and how, in users' words. */
  impact?: string | null;
  /** Where the response happens, e.g. a Slack channel. */
  channel?: string | null;
  entities: IncidentEntity[];
  externalRefs?: IncidentExternalRef[];
};

/** An incident as the API answers it. Times are ISO-8601 UTC. */
export type Incident = {
  id: number;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  cause: IncidentCause;
  startedAt: string;
  detectedAt: string | null;
  declaredAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  mitigation: IncidentMitigation | null;
  commander: string | null;
  summary: string | null;
  impact: string | null;
  channel: string | null;
  entities: IncidentEntity[];
  externalRefs: IncidentExternalRef[];
  /** Raised by one on every change of the incident's own fields. */
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Its postmortem's version and last change, or null while it has none. */
  postmortem: { version: number; updatedAt: string } | null;
};

/** `PATCH /incidents/:id`: the version read, and the fields to change. */
export type IncidentPatch = { version: number } & Partial<IncidentInput>;

export type TimelineEntry = {
  id: number;
  incidentId: number;
  at: string;
  /** The user or service that wrote it. */
  author: string;
  kind: TimelineEntryKind;
  text: string;
};

export type ActionItem = {
  text: string;
  category: ActionItemCategory;
  /** Who sees it through: a user or group entity ref. */
  owner: string;
  /** A calendar date, YYYY-MM-DD. */
  dueDate?: string | null;
  status: ActionItemStatus;
  link?: string | null;
};

/**
 * A blameless postmortem: what users saw (`symptom`), what was done (`response`), why it
 * happened (`cause`), and what will change (`actionItems`), in words for non-engineers.
 */
export type PostmortemInput = {
  symptom: string;
  response: string;
  cause: string;
  trigger?: string | null;
  detection?: string | null;
  wentWell?: string | null;
  wentWrong?: string | null;
  gotLucky?: string | null;
  actionItems: ActionItem[];
};

/** `PUT /incidents/:id/postmortem`: a later write carries the version it replaces. */
export type PostmortemWrite = PostmortemInput & { version?: number };

export type Postmortem = PostmortemInput & {
  incidentId: number;
  version: number;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
};

/** `GET /entities/:kind/:namespace/:name/incidents`: newest first; `cursor` null on the last page. */
export type IncidentListResponse = { items: Incident[]; cursor: string | null };

/** A time to something, in minutes, over the incidents that have both times. */
export type DurationStats = {
  median: number | null;
  mean: number | null;
  count: number;
};

/** `GET /entities/:kind/:namespace/:name/incident-metrics?from=&to=`. */
export type IncidentMetrics = {
  count: number;
  bySeverity: Record<IncidentSeverity, number>;
  byCause: Record<IncidentCause, number>;
  /** Time to detect: detected − started. */
  mttd: DurationStats;
  /** Time to acknowledge: declared − detected. */
  mtta: DurationStats;
  /** Time to mitigate: mitigated − started. */
  mttm: DurationStats;
  /** Time to resolve: resolved − started. */
  mttr: DurationStats;
  openActionItems: number;
  /** Resolved SEV1 and SEV2 incidents past the postmortem due date without one. */
  postmortemsMissing: number;
};

export function isOpenIncident(incident: Pick<Incident, 'status'>): boolean {
  return incident.status !== 'resolved';
}
