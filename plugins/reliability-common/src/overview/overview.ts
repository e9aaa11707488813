import { EscalationResponse, ImpactResponse, SloItem } from '../api';
import { NextEscalation } from '../escalation/nextEscalation';
import { ActionItem, Incident } from '../incidents/incident';
import { RunbookItem } from '../runbooks/runbook';
import { ReleaseGateState, SloState } from '../slo/sloState';

/**
 * How one part of the overview stands: `not-configured` when what feeds it is not set up,
 * `empty` when it is and the entity has nothing, `unavailable` when its source failed (the
 * reason says which), `ok` otherwise.
 */
export type OverviewPartState =
  | 'ok'
  | 'empty'
  | 'not-configured'
  | 'unavailable';

export type OverviewPart<T> = {
  state: OverviewPartState;
  /** Why the part is not `ok`, or what to know about it; null when there is nothing to say. */
  reason: string | null;
} & T;

/** An incident as a list shows it. */
export type IncidentSummary = Pick<
  Incident,
  | 'id'
  | 'title'
  | 'severity'
  | 'status'
  | 'startedAt'
  | 'resolvedAt'
  | 'channel'
>;

/** An SLO objective as the SLOs tab lists it, with the runbook that covers it, if any. */
export type OverviewSlo = SloItem & {
  /** Named by `reliability.io/runbook-for`: its SLO's name or title, or a firing alert's. */
  runbook: { title: string; url: string } | null;
};

/** A dependency of the entity, as a suspect when the entity is in trouble. */
export type UpstreamSuspect = {
  entityRef: string;
  title: string;
  /** Its worst SLO state, when it has SLOs. */
  sloState: SloState | null;
  openIncidents: Array<Pick<IncidentSummary, 'id' | 'title' | 'severity'>>;
  /** Found only in traffic or incidents, never declared. */
  hidden: boolean;
};

/** `GET /entities/:kind/:namespace/:name/overview`: everything a responder needs, each part on its own. */
export type EntityOverview = {
  entityRef: string;
  generatedAt: string;
  ownership: OverviewPart<{
    owner: EscalationResponse['owner'];
    /** Who the first level pages now, and until when, in the rotation's time zone. */
    onCall: Array<{
      level: number;
      userRef: string;
      displayName: string;
      until: string | null;
      timeZone: string | null;
    }>;
    /** Whom to escalate to after the first level. */
    escalateNext: NextEscalation | null;
    contacts: Record<string, string>;
  }>;
  slos: OverviewPart<{
    /** Worst first. */
    items: OverviewSlo[];
    releaseGate: ReleaseGateState | null;
    /** Some values are from an evaluation older than expected. */
    stale: boolean;
  }>;
  openIncidents: OverviewPart<{ items: IncidentSummary[] }>;
  runbooks: OverviewPart<{
    items: RunbookItem[];
    /** The median minutes to mitigate of the entity's real incidents, beside its drills'. */
    incidentMinutesToMitigate: number | null;
  }>;
  upstream: OverviewPart<{
    /** Those with a bad SLO state or an open incident first; at most 20. */
    items: UpstreamSuspect[];
    total: number;
  }>;
  downstream: OverviewPart<
    Pick<ImpactResponse['summary'], 'entities' | 'owners' | 'frozen'> & {
      truncated: boolean;
    }
  >;
  recentIncidents: OverviewPart<{ items: IncidentSummary[] }>;
  actionItems: OverviewPart<{
    items: Array<ActionItem & { incidentId: number; incidentTitle: string }>;
  }>;
};

export type ChangeRiskLevel = 'low' | 'medium' | 'high';

/** `GET /change-risk?entityRef=`: what a change to the entity risks, and whom to tell first. */
export type ChangeRiskReport = {
  entityRef: string;
  risk: ChangeRiskLevel;
  /** One plain sentence per reason, the worst first. */
  reasons: string[];
  releaseGate: ReleaseGateState;
  impacted: ImpactResponse['summary'] & { truncated: boolean };
  hiddenDependents: string[];
  notify: Array<{
    owner: string;
    ownerTitle: string;
    onCall: Array<{ userRef: string; displayName: string }>;
    channel: string | null;
  }>;
  frozen: string[];
  openIncidents: number[];
  staleRunbooks: string[];
  /** How many each list would hold uncut; each list holds at most 100. */
  counts: {
    hiddenDependents: number;
    frozen: number;
    openIncidents: number;
    staleRunbooks: number;
    notify: number;
  };
};
