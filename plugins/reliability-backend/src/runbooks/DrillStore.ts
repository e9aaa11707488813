import { Drill } from '@reliability-suite/backstage-plugin-reliability-common';

/** Where a page of drills continues: after this drill, newest first. */
export type DrillPosition = { performedAt: Date; id: number };

/** Where drills are kept, shared by every replica. */
export interface DrillStore {
  recordDrill(drill: Omit<Drill, 'id'>): Promise<Drill>;

  /** The entity's drills, newest `performedAt` first, then by id; at most `limit`. */
  listDrills(
    entityRef: string,
    page: { limit: number; after?: DrillPosition },
  ): Promise<Drill[]>;

  /** The latest drill of each of the entity's runbooks that has one, by runbook URL. */
  latestDrills(entityRef: string): Promise<Map<string, Drill>>;
}
