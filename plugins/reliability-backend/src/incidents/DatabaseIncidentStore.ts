import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ActionItem,
  Incident,
  IncidentEntity,
  IncidentExternalRef,
  Postmortem,
  PostmortemInput,
  TimelineEntry,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { toIsoTimestamp } from '../database/timestamps';
import { isUniqueViolation } from '../database/uniqueViolation';
import {
  IncidentFields,
  IncidentFilter,
  IncidentMeasure,
  IncidentPosition,
  IncidentStore,
} from './IncidentStore';

// Ids per `whereIn`: well under SQLite's bound-variable limit.
const CHUNK = 500;

type Timestamp = Date | string | number;

type IncidentRow = {
  id: number | string;
  title: string;
  severity: Incident['severity'];
  status: Incident['status'];
  cause: Incident['cause'];
  mitigation: Incident['mitigation'];
  started_at: Timestamp;
  detected_at: Timestamp | null;
  declared_at: Timestamp | null;
  mitigated_at: Timestamp | null;
  resolved_at: Timestamp | null;
  commander: string | null;
  summary: string | null;
  impact: string | null;
  channel: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number | string;
};

type PostmortemRow = {
  incident_id: number | string;
  symptom: string;
  response: string;
  cause: string;
  trigger: string | null;
  detection: string | null;
  went_well: string | null;
  went_wrong: string | null;
  got_lucky: string | null;
  version: number | string;
  created_by: string;
  updated_by: string;
  updated_at: Timestamp;
};

type ActionItemRow = {
  incident_id: number | string;
  position: number;
  text: string;
  category: ActionItem['category'];
  owner_ref: string;
  due_date: string | null;
  status: ActionItem['status'];
  link: string | null;
};

function timelineColumns(entry: Omit<TimelineEntry, 'id'>) {
  return {
    incident_id: entry.incidentId,
    at: new Date(entry.at),
    author: entry.author,
    kind: entry.kind,
    text: entry.text,
  };
}

const optionalTime = (value: Timestamp | null) =>
  value === null || value === undefined ? null : toIsoTimestamp(value);

/** The incident columns of `fields` that are given. */
function incidentColumns(fields: Partial<IncidentFields>) {
  const columns: Record<string, unknown> = {};
  const set = (column: string, value: unknown) => {
    if (value !== undefined) columns[column] = value;
  };
  set('title', fields.title);
  set('severity', fields.severity);
  set('status', fields.status);
  set('cause', fields.cause);
  set('mitigation', fields.mitigation);
  set('started_at', fields.startedAt);
  set('detected_at', fields.detectedAt);
  set('declared_at', fields.declaredAt);
  set('mitigated_at', fields.mitigatedAt);
  set('resolved_at', fields.resolvedAt);
  set('commander', fields.commander);
  set('summary', fields.summary);
  set('impact', fields.impact);
  set('channel', fields.channel);
  return columns;
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    result.push(items.slice(i, i + CHUNK));
  }
  return result;
}

/** The id of an inserted row: an object with `id` from PostgreSQL, and from SQLite. */
function insertedId(row: unknown): number {
  return Number(
    typeof row === 'object' && row !== null ? (row as any).id : row,
  );
}

function toActionItem(row: ActionItemRow): ActionItem {
  return {
    text: row.text,
    category: row.category,
    owner: row.owner_ref,
    dueDate: row.due_date,
    status: row.status,
    link: row.link,
  };
}

export class DatabaseIncidentStore implements IncidentStore {
  /** `db` is the plugin's database, migrated by the plugin at start (see `migrateDatabase`). */
  constructor(private readonly db: Knex) {}

  async createIncident(
    fields: IncidentFields,
    options: { createdBy: string; at: Date },
  ): Promise<Incident> {
    const id = await this.writing(async tx => {
      const [row] = await tx('incidents').insert(
        {
          ...incidentColumns(fields),
          created_by: options.createdBy,
          created_at: options.at,
          updated_at: options.at,
          version: 1,
        },
        ['id'],
      );
      const incidentId = insertedId(row);
      await this.writeEntities(tx, incidentId, fields.entities);
      await this.writeExternalRefs(tx, incidentId, fields.externalRefs);
      return incidentId;
    });
    return (await this.getIncident(id))!;
  }

  async getIncident(id: number): Promise<Incident | undefined> {
    const rows = await this.db<IncidentRow>('incidents').where({ id });
    const [incident] = await this.hydrate(rows);
    return incident;
  }

  async updateIncident(
    id: number,
    version: number,
    changes: Partial<IncidentFields>,
    options: { at: Date; timelineEntry?: Omit<TimelineEntry, 'id'> },
  ): Promise<Incident> {
    const { at } = options;
    await this.writing(async tx => {
      const updated = await tx('incidents')
        .where({ id, version })
        .update({
          ...incidentColumns(changes),
          updated_at: at,
          version: version + 1,
        });
      if (updated === 0) {
        const current = await tx<IncidentRow>('incidents')
          .where({ id })
          .first('version');
        if (!current) throw new NotFoundError(`No incident ${id}`);
        throw new ConflictError(
          `Incident ${id} is at version ${Number(
            current.version,
          )}, not ${version}: someone else changed it; read it again and reapply your change`,
        );
      }
      if (changes.entities) {
        await tx('incident_entities').where({ incident_id: id }).delete();
        await this.writeEntities(tx, id, changes.entities);
      }
      if (changes.externalRefs) {
        await tx('incident_external_refs').where({ incident_id: id }).delete();
        await this.writeExternalRefs(tx, id, changes.externalRefs);
      }
      if (options.timelineEntry) {
        await tx('incident_timeline').insert(
          timelineColumns(options.timelineEntry),
        );
      }
    });
    return (await this.getIncident(id))!;
  }

  async listIncidents(
    filter: IncidentFilter,
    page: { limit: number; after?: IncidentPosition },
  ): Promise<Incident[]> {
    const query = this.filtered(filter)
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(page.limit);
    const { after } = page;
    if (after) {
      query.where(builder =>
        builder
          .where('started_at', '<', after.startedAt)
          .orWhere(same =>
            same
              .where('started_at', '=', after.startedAt)
              .andWhere('id', '<', after.id),
          ),
      );
    }
    return this.hydrate(await query.select('*'));
  }

  async measureIncidents(filter: IncidentFilter): Promise<IncidentMeasure[]> {
    const rows: IncidentRow[] = await this.filtered(filter).select('*');
    const ids = rows.map(row => Number(row.id));
    const withPostmortem = new Set<number>();
    const openItems = new Map<number, number>();
    for (const chunk of chunks(ids)) {
      for (const row of await this.db('incident_postmortems')
        .whereIn('incident_id', chunk)
        .select('incident_id')) {
        withPostmortem.add(Number(row.incident_id));
      }
      const counts: Array<{ incident_id: number | string; open: unknown }> =
        await this.db('incident_action_items')
          .whereIn('incident_id', chunk)
          .where({ status: 'open' })
          .groupBy('incident_id')
          .select('incident_id')
          .count({ open: '*' });
      for (const row of counts) {
        openItems.set(Number(row.incident_id), Number(row.open));
      }
    }
    return rows.map(row => ({
      id: Number(row.id),
      severity: row.severity,
      cause: row.cause,
      status: row.status,
      startedAt: toIsoTimestamp(row.started_at),
      detectedAt: optionalTime(row.detected_at),
      declaredAt: optionalTime(row.declared_at),
      mitigatedAt: optionalTime(row.mitigated_at),
      resolvedAt: optionalTime(row.resolved_at),
      hasPostmortem: withPostmortem.has(Number(row.id)),
      openActionItems: openItems.get(Number(row.id)) ?? 0,
    }));
  }

  async findByExternalRef(
    system: string,
    id: string,
  ): Promise<Incident | undefined> {
    const ref = await this.db('incident_external_refs')
      .where({ system, external_id: id })
      .first('incident_id');
    return ref ? this.getIncident(Number(ref.incident_id)) : undefined;
  }

  async addTimelineEntry(
    entry: Omit<TimelineEntry, 'id'>,
  ): Promise<TimelineEntry> {
    const [row] = await this.db('incident_timeline').insert(
      timelineColumns(entry),
      ['id'],
    );
    return { id: insertedId(row), ...entry, at: toIsoTimestamp(entry.at) };
  }

  async listTimeline(
    incidentId: number,
    limit: number,
  ): Promise<TimelineEntry[]> {
    const rows = await this.db('incident_timeline')
      .where({ incident_id: incidentId })
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(row => ({
      id: Number(row.id),
      incidentId,
      at: toIsoTimestamp(row.at),
      author: row.author,
      kind: row.kind,
      text: row.text,
    }));
  }

  async getPostmortem(incidentId: number): Promise<Postmortem | undefined> {
    const row = await this.db<PostmortemRow>('incident_postmortems')
      .where({ incident_id: incidentId })
      .first();
    if (!row) return undefined;
    const items: ActionItemRow[] = await this.db('incident_action_items')
      .where({ incident_id: incidentId })
      .orderBy('position');
    return {
      incidentId,
      symptom: row.symptom,
      response: row.response,
      cause: row.cause,
      trigger: row.trigger,
      detection: row.detection,
      wentWell: row.went_well,
      wentWrong: row.went_wrong,
      gotLucky: row.got_lucky,
      actionItems: items.map(toActionItem),
      version: Number(row.version),
      createdBy: row.created_by,
      updatedBy: row.updated_by,
      updatedAt: toIsoTimestamp(row.updated_at),
    };
  }

  async putPostmortem(
    incidentId: number,
    postmortem: PostmortemInput,
    options: { version?: number; by: string; at: Date },
  ): Promise<Postmortem> {
    await this.db.transaction(async tx => {
      const columns = {
        symptom: postmortem.symptom,
        response: postmortem.response,
        cause: postmortem.cause,
        trigger: postmortem.trigger ?? null,
        detection: postmortem.detection ?? null,
        went_well: postmortem.wentWell ?? null,
        went_wrong: postmortem.wentWrong ?? null,
        got_lucky: postmortem.gotLucky ?? null,
        updated_by: options.by,
        updated_at: options.at,
      };
      const current = await tx<PostmortemRow>('incident_postmortems')
        .where({ incident_id: incidentId })
        .first('version');
      if (options.version === undefined) {
        if (current) {
          throw new ConflictError(
            `Incident ${incidentId} already has a postmortem (version ${Number(
              current.version,
            )}): send its version to replace it`,
          );
        }
        // Two first writes at once: the primary key lets one in; the other is a conflict.
        try {
          await tx('incident_postmortems').insert({
            incident_id: incidentId,
            ...columns,
            version: 1,
            created_by: options.by,
          });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw new ConflictError(
            `Incident ${incidentId} got a postmortem meanwhile: read it and reapply your change`,
            error,
          );
        }
      } else {
        const updated = await tx('incident_postmortems')
          .where({ incident_id: incidentId, version: options.version })
          .update({ ...columns, version: options.version + 1 });
        if (updated === 0) {
          throw new ConflictError(
            current
              ? `The postmortem of incident ${incidentId} is at version ${Number(
                  current.version,
                )}, not ${
                  options.version
                }: someone else changed it; read it again and reapply your change`
              : `Incident ${incidentId} has no postmortem yet: write the first one without a version`,
          );
        }
        await tx('incident_action_items')
          .where({ incident_id: incidentId })
          .delete();
      }
      for (const chunk of chunks(postmortem.actionItems)) {
        const offset = postmortem.actionItems.indexOf(chunk[0]);
        await tx('incident_action_items').insert(
          chunk.map((item, i) => ({
            incident_id: incidentId,
            position: offset + i,
            text: item.text,
            category: item.category,
            owner_ref: item.owner,
            due_date: item.dueDate ?? null,
            status: item.status,
            link: item.link ?? null,
          })),
        );
      }
    });
    return (await this.getPostmortem(incidentId))!;
  }

  async listOpenActionItemsOfEntity(entityRef: string, limit: number) {
    const rows = await this.db('incident_action_items as a')
      .join('incidents as i', 'i.id', 'a.incident_id')
      .whereIn(
        'a.incident_id',
        this.db('incident_entities')
          .where({ entity_ref: entityRef })
          .select('incident_id'),
      )
      .where('a.status', 'open')
      .orderBy([
        { column: 'i.started_at', order: 'desc' },
        { column: 'a.incident_id', order: 'desc' },
        { column: 'a.position', order: 'asc' },
      ])
      .limit(limit)
      .select('a.*', 'i.title as incident_title');
    return rows.map((row: ActionItemRow & { incident_title: string }) => ({
      incidentId: Number(row.incident_id),
      incidentTitle: row.incident_title,
      ...toActionItem(row),
    }));
  }

  async hasDelivery(keys: string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    const row = await this.db('incident_webhook_deliveries')
      .whereIn('delivery_key', keys)
      .first('delivery_key');
    return Boolean(row);
  }

  async recordDeliveries(keys: string[], at: Date): Promise<void> {
    if (keys.length === 0) return;
    await this.db('incident_webhook_deliveries')
      .insert(keys.map(key => ({ delivery_key: key, received_at: at })))
      .onConflict('delivery_key')
      .ignore();
  }

  /** A transaction whose unique-key violation (an external reference taken) answers 409. */
  private async writing<T>(
    work: (tx: Knex.Transaction) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ConflictError(
        'externalRefs: another incident already has one of these external references',
        error as Error,
      );
    }
  }

  private filtered(filter: IncidentFilter) {
    const query = this.db<IncidentRow>('incidents');
    if (filter.entityRef) {
      query.whereIn(
        'id',
        this.db('incident_entities')
          .where({ entity_ref: filter.entityRef })
          .select('incident_id'),
      );
    }
    if (filter.status === 'open') {
      query.whereNot('status', 'resolved');
    } else if (filter.status) {
      query.where('status', filter.status);
    }
    if (filter.from) query.where('started_at', '>=', filter.from);
    if (filter.to) query.where('started_at', '<', filter.to);
    return query;
  }

  private async writeEntities(
    tx: Knex.Transaction,
    incidentId: number,
    entities: IncidentEntity[],
  ) {
    if (entities.length === 0) return;
    await tx('incident_entities').insert(
      entities.map(e => ({
        incident_id: incidentId,
        entity_ref: e.entityRef,
        role: e.role,
      })),
    );
  }

  private async writeExternalRefs(
    tx: Knex.Transaction,
    incidentId: number,
    refs: IncidentExternalRef[],
  ) {
    if (refs.length === 0) return;
    await tx('incident_external_refs').insert(
      refs.map(ref => ({
        incident_id: incidentId,
        system: ref.system,
        external_id: ref.id,
        url: ref.url ?? null,
      })),
    );
  }

  /** Rows with their entities, external references and postmortem state, in row order. */
  private async hydrate(rows: IncidentRow[]): Promise<Incident[]> {
    const ids = rows.map(row => Number(row.id));
    const entities = new Map<number, IncidentEntity[]>();
    const refs = new Map<number, IncidentExternalRef[]>();
    const postmortems = new Map<
      number,
      { version: number; updatedAt: string }
    >();
    for (const chunk of chunks(ids)) {
      for (const row of await this.db('incident_entities')
        .whereIn('incident_id', chunk)
        .orderBy(['incident_id', 'role', 'entity_ref'])) {
        const list = entities.get(Number(row.incident_id)) ?? [];
        list.push({ entityRef: row.entity_ref, role: row.role });
        entities.set(Number(row.incident_id), list);
      }
      for (const row of await this.db('incident_external_refs')
        .whereIn('incident_id', chunk)
        .orderBy(['incident_id', 'system', 'external_id'])) {
        const list = refs.get(Number(row.incident_id)) ?? [];
        list.push({
          system: row.system,
          id: row.external_id,
          ...(row.url ? { url: row.url } : {}),
        });
        refs.set(Number(row.incident_id), list);
      }
      for (const row of await this.db('incident_postmortems')
        .whereIn('incident_id', chunk)
        .select('incident_id', 'version', 'updated_at')) {
        postmortems.set(Number(row.incident_id), {
          version: Number(row.version),
          updatedAt: toIsoTimestamp(row.updated_at),
        });
      }
    }
    return rows.map(row => {
      const id = Number(row.id);
      return {
        id,
        title: row.title,
        severity: row.severity,
        status: row.status,
        cause: row.cause,
        startedAt: toIsoTimestamp(row.started_at),
        detectedAt: optionalTime(row.detected_at),
        declaredAt: optionalTime(row.declared_at),
        mitigatedAt: optionalTime(row.mitigated_at),
        resolvedAt: optionalTime(row.resolved_at),
        mitigation: row.mitigation ?? null,
        commander: row.commander ?? null,
        summary: row.summary ?? null,
        impact: row.impact ?? null,
        channel: row.channel ?? null,
        entities: entities.get(id) ?? [],
        externalRefs: refs.get(id) ?? [],
        version: Number(row.version),
        createdBy: row.created_by,
        createdAt: toIsoTimestamp(row.created_at),
        updatedAt: toIsoTimestamp(row.updated_at),
        postmortem: postmortems.get(id) ?? null,
      };
    });
  }
}
