import { SloSnapshot, SloSnapshotStore } from '../SloSnapshotStore';

/** Keeps every snapshot in memory, in insertion order. */
export class MemorySnapshotStore implements SloSnapshotStore {
  readonly rows: SloSnapshot[] = [];
  async addSnapshots(snapshots: SloSnapshot[]) {
    this.rows.push(...snapshots);
  }
  async getLatestSnapshots(sloRefs: string[]) {
    const latest = new Map<string, SloSnapshot>();
    for (const row of this.rows) {
      if (sloRefs.includes(row.sloRef)) {
        latest.set(`${row.sloRef}#${row.objectiveIndex}`, row);
      }
    }
    return [...latest.values()];
  }
  async deleteSnapshotsBefore(cutoff: Date) {
    const before = this.rows.length;
    const latest = new Set(
      await this.getLatestSnapshots(this.rows.map(r => r.sloRef)),
    );
    const kept = this.rows.filter(
      row => latest.has(row) || new Date(row.evaluatedAt) >= cutoff,
    );
    this.rows.splice(0, this.rows.length, ...kept);
    return before - kept.length;
  }
}
