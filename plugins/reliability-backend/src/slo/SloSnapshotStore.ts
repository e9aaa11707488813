import { SloStatus } from '@reliability-suite/backstage-plugin-reliability-common';

/** What a snapshot keeps beside its state and SLI: the rest of the status, and the window. */
export type SloSnapshotDetails = Pick<
  SloStatus,
  'errorBudget' | 'burnRates' | 'alerts' | 'stale' | 'error'
> & {
  /** The SLO window the values are over, ISO-8601 UTC. */
  window: { start: string; end: string } | null;
};

/** One evaluation of one SLO objective. */
export type SloSnapshot = {
  sloRef: string;
  objectiveIndex: number;
  /** ISO-8601 UTC: when the values were measured. */
  evaluatedAt: string;
  state: SloStatus['state'];
  /** Fraction over the SLO window; null when the window had no events. */
  sli: number | null;
  details: SloSnapshotDetails;
};

/** Where SLO evaluations are kept, so requests read them instead of querying the SLI source. */
export interface SloSnapshotStore {
  addSnapshots(snapshots: SloSnapshot[]): Promise<void>;

  /** The most recent snapshot of each objective of the given SLOs. */
  getLatestSnapshots(sloRefs: string[]): Promise<SloSnapshot[]>;

  /**
   * Drops history evaluated before `cutoff`, keeping each objective's latest snapshot however
   * old it is, so an SLO whose source went quiet still shows its last known state.
   * Returns how many snapshots were deleted.
   */
  deleteSnapshotsBefore(cutoff: Date): Promise<number>;
}

/** The API's status of an objective from its snapshot. */
export function snapshotToStatus(snapshot: SloSnapshot): SloStatus {
  const { errorBudget, burnRates, alerts, stale, error } = snapshot.details;
  return {
    state: snapshot.state,
    sli: snapshot.sli,
    errorBudget,
    burnRates,
    alerts,
    evaluatedAt: snapshot.evaluatedAt,
    stale,
    error,
  };
}

export function statusToSnapshot(
  sloRef: string,
  objectiveIndex: number,
  status: SloStatus,
  window: SloSnapshotDetails['window'],
  evaluatedAt: string,
): SloSnapshot {
  return {
    sloRef,
    objectiveIndex,
    evaluatedAt,
    state: status.state,
    sli: status.sli,
    details: {
      errorBudget: status.errorBudget,
      burnRates: status.burnRates,
      alerts: status.alerts,
      stale: status.stale,
      error: status.error,
      window,
    },
  };
}
