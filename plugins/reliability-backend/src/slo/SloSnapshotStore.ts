import { JsonObject } from '@backstage/types';

/** One evaluation of one SLO objective. */
export type SloSnapshot = {
  sloRef: string;
  objectiveIndex: number;
  /** ISO-8601 UTC. */
  evaluatedAt: string;
  state: string;
  /** Fraction over the SLO window; null when the window had no events. */
  sli: number | null;
  /** What the API reports beside the SLI: error budget, burn rates, alerts, error. */
  details: JsonObject;
};

/** Where SLO evaluations are kept, so requests read them instead of querying the SLI source. */
export interface SloSnapshotStore {
  addSnapshot(snapshot: SloSnapshot): Promise<void>;

  /** The most recent snapshot of each objective of the given SLOs. */
  getLatestSnapshots(sloRefs: string[]): Promise<SloSnapshot[]>;

  /**
   * Drops history evaluated before `cutoff`, keeping each objective's latest snapshot however
   * old it is, so an SLO whose source went quiet still shows its last known state.
   * Returns how many snapshots were deleted.
   */
  deleteSnapshotsBefore(cutoff: Date): Promise<number>;
}
