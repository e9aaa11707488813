import {
  EvidenceKind,
  ObservedEdge,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { toIsoTimestamp } from '../database/timestamps';
import { Observation, ObservationStore } from './ObservationStore';

const TABLE = 'observed_dependencies';
// Rows per statement: SQLite allows 999 bound variables by default in older builds.
const CHUNK = 100;

type ObservationRow = {
  source_ref: string;
  target_ref: string;
  evidence_kind: string;
  detail: string;
  first_seen: Date | string | number;
  last_seen: Date | string | number;
  count: number | string;
};

const edgeKey = (e: {
  source: string;
  target: string;
  evidence: string;
  detail: string;
}) => `${e.source}\u0000${e.target}\u0000${e.evidence}\u0000${e.detail}`;

export class DatabaseObservationStore implements ObservationStore {
  /** `db` is the plugin's database, migrated by the plugin at start (see `migrateDatabase`). */
  constructor(private readonly db: Knex) {}

  async addObservations(edges: ObservedEdge[]): Promise<void> {
    // One row per edge and evidence in the batch, so one statement never updates a row twice.
    const merged = new Map<
      string,
      { edge: ObservedEdge; first: Date; last: Date; count: number }
    >();
    for (const edge of edges) {
      const key = edgeKey(edge);
      const known = merged.get(key);
      if (known) {
        known.count += 1;
        if (edge.observedAt < known.first) known.first = edge.observedAt;
        if (edge.observedAt > known.last) known.last = edge.observedAt;
      } else {
        merged.set(key, {
          edge,
          first: edge.observedAt,
          last: edge.observedAt,
          count: 1,
        });
      }
    }
    const rows = [...merged.values()];
    await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx(TABLE)
          .insert(
            rows.slice(i, i + CHUNK).map(({ edge, first, last, count }) => ({
              source_ref: edge.source,
              target_ref: edge.target,
              evidence_kind: edge.evidence,
              detail: edge.detail,
              first_seen: first,
              last_seen: last,
              count,
            })),
          )
          .onConflict(['source_ref', 'target_ref', 'evidence_kind', 'detail'])
          .merge({
            count: tx.raw(`${TABLE}.count + excluded.count`),
            first_seen: tx.raw(
              `CASE WHEN excluded.first_seen < ${TABLE}.first_seen THEN excluded.first_seen ELSE ${TABLE}.first_seen END`,
            ),
            last_seen: tx.raw(
              `CASE WHEN excluded.last_seen > ${TABLE}.last_seen THEN excluded.last_seen ELSE ${TABLE}.last_seen END`,
            ),
          });
      }
    });
  }

  async deleteObservations(
    edges: Array<
      Pick<ObservedEdge, 'source' | 'target' | 'evidence' | 'detail'>
    >,
  ): Promise<number> {
    return this.db.transaction(async tx => {
      let deleted = 0;
      for (const edge of edges) {
        deleted += await tx(TABLE)
          .where({
            source_ref: edge.source,
            target_ref: edge.target,
            evidence_kind: edge.evidence,
            detail: edge.detail,
          })
          .delete();
      }
      return deleted;
    });
  }

  async listObservations(
    options: { since?: Date } = {},
  ): Promise<Observation[]> {
    const query = this.db<ObservationRow>(TABLE).orderBy([
      'source_ref',
      'target_ref',
      'evidence_kind',
      'detail',
    ]);
    if (options.since) {
      query.where('last_seen', '>=', options.since);
    }
    const rows: ObservationRow[] = await query;
    return rows.map(row => ({
      source: row.source_ref,
      target: row.target_ref,
      evidence: row.evidence_kind as EvidenceKind,
      detail: row.detail,
      firstSeen: toIsoTimestamp(row.first_seen),
      lastSeen: toIsoTimestamp(row.last_seen),
      count: Number(row.count),
    }));
  }

  async deleteObservationsNotSeenSince(cutoff: Date): Promise<number> {
    return this.db(TABLE)
      .where('last_seen', '<', cutoff)
      .whereNot('evidence_kind', 'incident')
      .delete();
  }
}
