import { Drill } from '@reliability-suite/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { toIsoTimestamp } from '../database/timestamps';
import { DrillPosition, DrillStore } from './DrillStore';

const TABLE = 'runbook_drills';

type DrillRow = {
  id: number | string;
  entity_ref: string;
  runbook_url: string;
  scenario: string;
  performed_at: Date | string | number;
  outcome: Drill['outcome'];
  minutes_to_mitigate: number | string | null;
  participants: string;
  findings: string;
  recorded_by: string;
  recorded_at: Date | string | number;
};

function toDrill(row: DrillRow): Drill {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    runbookUrl: row.runbook_url,
    scenario: row.scenario,
    performedAt: toIsoTimestamp(row.performed_at),
    outcome: row.outcome,
    minutesToMitigate:
      row.minutes_to_mitigate === null ? null : Number(row.minutes_to_mitigate),
    participants: JSON.parse(row.participants),
    findings: row.findings,
    recordedBy: row.recorded_by,
    recordedAt: toIsoTimestamp(row.recorded_at),
  };
}

export class DatabaseDrillStore implements DrillStore {
  /** `db` is the plugin's database, migrated by the plugin at start. */
  constructor(private readonly db: Knex) {}

  async recordDrill(drill: Omit<Drill, 'id'>): Promise<Drill> {
    const [row] = await this.db(TABLE).insert(
      {
        entity_ref: drill.entityRef,
        runbook_url: drill.runbookUrl,
        scenario: drill.scenario,
        performed_at: new Date(drill.performedAt),
        outcome: drill.outcome,
        minutes_to_mitigate: drill.minutesToMitigate,
        participants: JSON.stringify(drill.participants),
        findings: drill.findings,
        recorded_by: drill.recordedBy,
        recorded_at: new Date(drill.recordedAt),
      },
      ['id'],
    );
    const id = typeof row === 'object' ? Number(row.id) : Number(row);
    return {
      ...drill,
      id,
      performedAt: toIsoTimestamp(drill.performedAt),
      recordedAt: toIsoTimestamp(drill.recordedAt),
    };
  }

  async listDrills(
    entityRef: string,
    page: { limit: number; after?: DrillPosition },
  ): Promise<Drill[]> {
    const query = this.db<DrillRow>(TABLE).where({ entity_ref: entityRef });
    const { after } = page;
    if (after) {
      query.where(older =>
        older
          .where('performed_at', '<', after.performedAt)
          .orWhere(same =>
            same
              .where('performed_at', '=', after.performedAt)
              .where('id', '>', after.id),
          ),
      );
    }
    const rows = await query
      .orderBy([
        { column: 'performed_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(page.limit);
    return rows.map(toDrill);
  }

  async latestDrills(entityRef: string): Promise<Map<string, Drill>> {
    // The newest per runbook: the row no later drill of the same runbook outranks.
    const rows = await this.db<DrillRow>(`${TABLE} as d`)
      .where('d.entity_ref', entityRef)
      .whereNotExists(
        this.db(`${TABLE} as later`)
          .whereRaw('later.entity_ref = d.entity_ref')
          .whereRaw('later.runbook_url = d.runbook_url')
          .where(newer =>
            newer
              .whereRaw('later.performed_at > d.performed_at')
              .orWhere(same =>
                same
                  .whereRaw('later.performed_at = d.performed_at')
                  .whereRaw('later.id > d.id'),
              ),
          ),
      )
      .select('d.*');
    return new Map(rows.map(row => [row.runbook_url, toDrill(row)]));
  }
}
