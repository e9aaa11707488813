import { Knex } from 'knex';
import { toIsoTimestamp } from '../database/timestamps';
import { SloSnapshot, SloSnapshotStore } from './SloSnapshotStore';

type SloSnapshotRow = {
  id: number;
  slo_ref: string;
  objective_index: number;
  evaluated_at: Date | string | number;
  state: string;
  sli: number | null;
  details: string;
};

const TABLE = 'slo_snapshots';

export class DatabaseSloSnapshotStore implements SloSnapshotStore {
  /** `db` is the plugin's database, migrated by the plugin at start (see `migrateDatabase`). */
  constructor(private readonly db: Knex) {}

  async addSnapshots(snapshots: SloSnapshot[]): Promise<void> {
    if (snapshots.length === 0) {
      return;
    }
    await this.db(TABLE).insert(
      snapshots.map(snapshot => ({
        slo_ref: snapshot.sloRef,
        objective_index: snapshot.objectiveIndex,
        evaluated_at: new Date(snapshot.evaluatedAt),
        state: snapshot.state,
        sli: snapshot.sli,
        details: JSON.stringify(snapshot.details),
      })),
    );
  }

  async getLatestSnapshots(sloRefs: string[]): Promise<SloSnapshot[]> {
    if (sloRefs.length === 0) {
      return [];
    }
    const rows: SloSnapshotRow[] = await this.db<SloSnapshotRow>(TABLE)
      .whereIn('id', this.latestIds().whereIn('slo_ref', sloRefs))
      .orderBy([
        { column: 'slo_ref', order: 'asc' },
        { column: 'objective_index', order: 'asc' },
      ]);
    return rows.map(row => ({
      sloRef: row.slo_ref,
      objectiveIndex: row.objective_index,
      evaluatedAt: toIsoTimestamp(row.evaluated_at),
      state: row.state as SloSnapshot['state'],
      sli: row.sli === null ? null : Number(row.sli),
      details: JSON.parse(row.details),
    }));
  }

  async deleteSnapshotsBefore(cutoff: Date): Promise<number> {
    return this.db(TABLE)
      .where('evaluated_at', '<', cutoff)
      .whereNotIn('id', this.latestIds())
      .delete();
  }

  private latestIds() {
    return this.db(TABLE).max('id as id').groupBy('slo_ref', 'objective_index');
  }
}
