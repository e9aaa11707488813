import { BurnRateAlert, BurnRates } from './slo/alerts';
import { ErrorBudget } from './slo/errorBudget';
import { EvidenceKind } from './dependencies/observation';
import type { NextEscalation } from './escalation/nextEscalation';
import { ReleaseGateState, SloState } from './slo/sloState';

/** The body of `GET /api/reliability/health`. */
export type HealthResponse = { status: 'ok' };

/** The last evaluation of one SLO objective. Times are ISO-8601 UTC; unknowns are null. */
export type SloStatus = {
  state: SloState;
  /** SLI over the SLO window, a fraction; null without data. */
  sli: number | null;
  errorBudget: ErrorBudget;
  burnRates: BurnRates;
  alerts: BurnRateAlert[];
  /** When the values were measured; null when never evaluated. */
  evaluatedAt: string | null;
  /** True when the SLI source could not be reached and these are the last known values. */
  stale: boolean;
  /** Why the state is `error` or the values are stale; null otherwise. */
  error: string | null;
};

/** One objective of one SLO, as `GET /entities/:kind/:namespace/:name/slos` lists it. */
export type SloItem = {
  /** Entity ref of the SLO, e.g. `slo:default/orders-availability`. */
  ref: string;
  name: string;
  /** `metadata.title` of the SLO entity (OpenSLO's displayName), else its name. */
  title: string;
  description: string | null;
  /** Index of this objective in the SLO's `spec.objectives`. */
  objective: number;
  /** The objective's displayName or name, when it has one. */
  objectiveName: string | null;
  target: number;
  timeWindow: {
    /** As written, e.g. `28d` or `1M`. */
    duration: string;
    isRolling: boolean;
    start: string | null;
    end: string | null;
  };
  budgetingMethod: 'Occurrences' | 'Timeslices';
  status: SloStatus;
};

export type SloListResponse = { items: SloItem[] };

export type SloHistoryPoint = {
  t: string;
  sli: number | null;
  errorBudgetRemaining: number | null;
};

/** `GET /slos/:namespace/:name/history`: the SLI and budget left over time, per step. */
export type SloHistoryResponse = {
  /** Seconds between points. */
  step: number;
  points: SloHistoryPoint[];
};

/**
 * `GET /entities/:kind/:namespace/:name/release-gate`: the error-budget release gate, the verdict
 * CI asks before a release.
 */
export type ReleaseGateResponse = {
  entityRef: string;
  state: ReleaseGateState;
  slos: Array<{
    ref: string;
    objective: number;
    state: SloState;
    errorBudgetRemaining: number | null;
  }>;
  reasons: string[];
};

/** How the escalation policy of an entity was found. */
export type EscalationPolicySource =
  | 'annotation'
  | 'provider'
  | 'owner'
  | 'parent-group'
  | 'none';

export type OnCallEntry = {
  /** The escalation level, 1 first. */
  level: number;
  userRef: string;
  displayName: string;
  email: string | null;
  /** The rotation that put them on call; null for a level that names the user directly. */
  rotation: string | null;
  /** The rotation's time zone, for showing its local times. */
  timeZone: string | null;
  from: string | null;
  until: string | null;
};

export type EscalationLevel = {
  level: number;
  delayMinutes: number;
  targets: Array<{
    type: 'rotation' | 'user' | 'group';
    ref: string;
    displayName: string;
    /** Who that target reaches now: the rotation's on-call, the user, the group's members. */
    users: string[];
  }>;
};

/** `GET /entities/:kind/:namespace/:name/escalation?at=`. Times are ISO-8601 UTC. */
export type EscalationResponse = {
  entityRef: string;
  owner: { ref: string; title: string; email: string | null } | null;
  escalationPolicy: { ref: string | null; source: EscalationPolicySource };
  onCall: OnCallEntry[];
  levels: EscalationLevel[];
  contacts: Record<string, string>;
  warnings: string[];
};

/** `GET /lookup?q=&limit=`: who to page, found by name, title, tag, owner or service name. */
export type LookupResponse = {
  items: Array<{
    entityRef: string;
    title: string;
    kind: string;
    owner: { ref: string; title: string } | null;
    /**
     * Who each level pages now, and until when (null for a user a level names directly), with
     * the rotation's time zone for its local time.
     */
    onCall: Array<{
      level: number;
      userRef: string;
      displayName: string;
      until: string | null;
      timeZone: string | null;
    }>;
    /** The first level that reaches someone new (see `nextEscalation`). */
    escalateNext: NextEscalation;
    /** How to reach the on-call, by channel: `slack`, `email`, a URL… */
    contacts: Record<string, string>;
    escalationPolicy: { ref: string | null; source: EscalationPolicySource };
  }>;
};

/** `GET /oncall?group=&from=&to=`: the shifts of each rotation of the group's policies. */
export type OnCallScheduleResponse = {
  rotations: Array<{
    policy: string;
    rotation: string;
    timeZone: string;
    shifts: Array<{ userRef: string; from: string; until: string }>;
  }>;
};

/** One piece of evidence for an observed dependency. */
export type DependencyEvidence = {
  kind: EvidenceKind;
  detail: string | null;
  firstSeen: string;
  lastSeen: string;
  count: number;
};

/**
 * How a dependency A → B is known: `declared` in the catalog only, declared and observed
 * (`both`), or `hidden`: observed at run time but never declared. An edge is *observed* when it
 * is `both` or `hidden`, as in the `observed` list and `include=observed`.
 */
export type EdgeProvenance = 'declared' | 'both' | 'hidden';

/** An edge A → B (A depends on B), seen from the entity asked about. */
export type DependencyEdge = {
  source: string;
  target: string;
  /** `upstream`: the entity depends on the other end; `downstream`: the other end depends on it. */
  direction: 'upstream' | 'downstream';
  /** Empty for an edge that is only declared. */
  evidence: DependencyEvidence[];
};

/** `GET /entities/:kind/:namespace/:name/dependencies`. */
export type DependenciesResponse = {
  declared: DependencyEdge[];
  observed: DependencyEdge[];
  /** Observed and not declared, with the catalog-info.yaml lines that would declare it. */
  hidden: Array<DependencyEdge & { suggestion: string }>;
  /** Declared, but not observed lately although its dependent is observed. */
  unobserved: DependencyEdge[];
  /** Observed edges to names that match no catalog entity. */
  unknown: DependencyEdge[];
};

/**
 * `GET /impact`: what breaks (downstream) or the suspects (upstream), with who to tell, a page
 * of entities at a time (nearest first) with the whole answer's summary.
 */
export type ImpactResponse = {
  root: string;
  direction: 'downstream' | 'upstream';
  impacted: Array<{
    entityRef: string;
    title: string;
    kind: string;
    depth: number;
    path: string[];
    /** How the last edge of `path` is known. */
    via: EdgeProvenance;
    owner: { ref: string; title: string } | null;
    lifecycle: string | null;
    onCall: Array<{ userRef: string; displayName: string }> | null;
    slo: { state: SloState; errorBudgetRemaining: number | null } | null;
  }>;
  /** The whole answer's, the same on every page. */
  summary: ImpactSummary;
  /** Whether the walk stopped at the configured `maxResults`. */
  truncated: boolean;
  /** Continues with the next page; `null` on the last page. */
  cursor: string | null;
};

/** Counts over every entity an impact answer reaches that the caller may read. */
export type ImpactSummary = {
  entities: number;
  /** Each owner with how many of the entities it owns, most first. */
  owners: Array<{ ref: string; count: number }>;
  byDepth: Record<string, number>;
  /** Entities whose error budget is spent (release gate `freeze`). */
  frozen: number;
  /** Entities reached only through observed edges: their owners would not expect it. */
  hidden: number;
};
