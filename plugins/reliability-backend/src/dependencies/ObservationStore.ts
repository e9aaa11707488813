import {
  EvidenceKind,
  ObservedEdge,
} from '@reliability-suite/backstage-plugin-reliability-common';

/** An observed edge with its evidence, as stored. */
export type Observation = {
  source: string;
  target: string;
  evidence: EvidenceKind;
  detail: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
};

/** Where observed dependencies are kept, shared by every backend replica. */
export interface ObservationStore {
  /**
   * Records a batch in one transaction: a new edge is inserted, a known one (same source,
   * target, evidence and detail) gets its count raised and its first/last seen widened.
   */
  addObservations(edges: ObservedEdge[]): Promise<void>;

  /** Removes the given edges (with their evidence and detail); returns how many rows went. */
  deleteObservations(
    edges: Array<
      Pick<ObservedEdge, 'source' | 'target' | 'evidence' | 'detail'>
    >,
  ): Promise<number>;

  /** Every observation, or those last seen at or after `since`. */
  listObservations(options?: { since?: Date }): Promise<Observation[]>;

  /**
   * Drops observations not seen since `cutoff`, except `incident` evidence, which stays as long
   * as its incident names the entities (the incident removes it); returns how many.
   */
  deleteObservationsNotSeenSince(cutoff: Date): Promise<number>;
}
