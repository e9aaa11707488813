import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { RELATION_MEMBER_OF } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Incident,
  IncidentListResponse,
  IncidentMetrics,
  ObservedEdge,
  Postmortem,
  PostmortemInput,
  TimelineEntry,
  TimelineEntryKind,
  incidentCreatePermission,
  incidentUpdatePermission,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { findUnknownRefs } from '../catalog/findUnknownRefs';
import { ObservationWriter } from '../dependencies';
import { IncidentSettings } from './incidentConfig';
import {
  decodeCursor,
  encodeCursor,
  KeysetPosition,
} from '../http/keysetCursor';
import { computeIncidentMetrics } from './incidentMetrics';
import {
  IncidentFields,
  IncidentFilter,
  IncidentPosition,
  IncidentStore,
} from './IncidentStore';

/** The longest timeline kept per incident, and so the longest answer. */
export const TIMELINE_LIMIT = 1_000;
/**
 * The one service that may edit any incident: this plugin itself and its modules (pager
 * webhooks, the demo's loader). Other services and static tokens follow the rules people do.
 */
const PLUGIN_SUBJECT = 'plugin:reliability';
/** Open incidents read at once for the overview and the change-risk report, at most. */
const OPEN_INCIDENTS_LIMIT = 500;
/** Open action items shown for one entity at most. */
const ACTION_ITEMS_LIMIT = 100;
const DETAIL_LIMIT = 255;

const TIME_FIELDS = [
  'detectedAt',
  'declaredAt',
  'mitigatedAt',
  'resolvedAt',
] as const;

/** Who did it, as the incident records it: a user's entity ref or a service's subject. */
export function actorOf(credentials: BackstageCredentials): string {
  const { principal } = credentials as BackstageCredentials<any>;
  if (principal.type === 'user') return principal.userEntityRef;
  if (principal.type === 'service') return principal.subject;
  return 'unknown';
}

/**
 * The problems with an incident's times and status as a whole, each naming its field: no time
 * before `startedAt`, and `resolvedAt` only on a resolved incident.
 */
export function incidentTimeProblems(fields: IncidentFields): string[] {
  const problems: string[] = [];
  for (const field of TIME_FIELDS) {
    const value = fields[field];
    if (value && value < fields.startedAt) {
      problems.push(
        `${field}: must not precede startedAt (${fields.startedAt.toISOString()})`,
      );
    }
  }
  if (fields.resolvedAt && fields.status !== 'resolved') {
    problems.push(
      `resolvedAt: needs status resolved, not ${fields.status}; resolve it or leave resolvedAt out`,
    );
  }
  return problems;
}

/** What the overview and the change-risk report read of incidents. */
export type IncidentReader = Pick<
  IncidentService,
  'openIncidents' | 'listForEntity' | 'metrics' | 'openActionItems'
>;

/**
 * Incidents: declared by any signed-in user (unless the policy denies `reliability.incident.create`),
 * edited by their creator, commander, members of the involved entities' owner groups and of the
 * configured responder groups (and then only as far as `reliability.incident.update` allows on
 * each involved entity), read by whoever may read one of the entities involved, and naming only
 * entities, commanders and owners its writer may read. An incident with
 * a root cause and affected entities records `incident` evidence from each affected entity to
 * each root cause, so the dependency it revealed shows in the graph.
 */
export class IncidentService {
  constructor(
    private readonly options: {
      store: IncidentStore;
      catalog: CatalogService;
      catalogIndex: CatalogIndex;
      readFilter: CatalogReadFilter;
      permissions: PermissionsService;
      auth: AuthService;
      observations: ObservationWriter;
      settings: IncidentSettings;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async declare(
    fields: IncidentFields,
    credentials: BackstageCredentials,
  ): Promise<Incident> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: incidentCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Declaring an incident needs the ${incidentCreatePermission.name} permission`,
      );
    }
    return this.create(fields, actorOf(credentials), credentials);
  }

  /**
   * Creates an incident on behalf of `createdBy`, naming only refs `credentials` may read (the
   * plugin's own when not given, as for pager webhooks), with no permission check.
   */
  async create(
    fields: IncidentFields,
    createdBy: string,
    credentials?: BackstageCredentials,
  ): Promise<Incident> {
    const normalized = withResolution(fields, this.now());
    this.requireValidTimes(normalized);
    await this.requireKnownRefs(normalized, credentials);
    const incident = await this.options.store.createIncident(normalized, {
      createdBy,
      at: this.now(),
    });
    await this.recordEvidence(incident);
    return incident;
  }

  /** The incident another system knows as `id`, with no permission check (pager webhooks). */
  async findByExternalRef(
    system: string,
    id: string,
  ): Promise<Incident | undefined> {
    return this.options.store.findByExternalRef(system, id);
  }

  async get(id: number, credentials: BackstageCredentials): Promise<Incident> {
    return this.readable(await this.requireIncident(id), credentials);
  }

  async update(
    id: number,
    patch: { version: number } & Partial<IncidentFields>,
    credentials: BackstageCredentials,
  ): Promise<Incident> {
    const current = await this.requireIncident(id);
    const { version, ...changes } = patch;
    const readable = await this.requireEditor(
      current,
      credentials,
      changes.entities?.map(e => e.entityRef),
    );
    if (changes.entities) {
      // The caller sees only the entities it may read; the others stay as they were.
      const named = new Set(changes.entities.map(e => e.entityRef));
      changes.entities = [
        ...changes.entities,
        ...current.entities.filter(
          e => !readable.has(e.entityRef) && !named.has(e.entityRef),
        ),
      ];
    }
    const updated = await this.apply(
      current,
      version,
      changes,
      actorOf(credentials),
      credentials,
    );
    return this.readable(updated, credentials);
  }

  /**
   * Applies `changes` at `version` on behalf of `author` (the caller, or a pager webhook), new
   * refs checked with `credentials` (the plugin's own when not given). Leaving `resolved`
   * clears `resolvedAt`; a status change is entered in the timeline with the change itself.
   */
  async apply(
    current: Incident,
    version: number,
    changes: Partial<IncidentFields>,
    author: string,
    credentials?: BackstageCredentials,
  ): Promise<Incident> {
    const reopened =
      changes.status !== undefined &&
      changes.status !== 'resolved' &&
      changes.resolvedAt === undefined;
    const merged = withResolution(
      {
        ...fieldsOf(current),
        ...changes,
        ...(reopened ? { resolvedAt: null } : {}),
      },
      this.now(),
    );
    this.requireValidTimes(merged);
    // Only what the change adds is checked: the rest is in the incident already.
    const involved = new Set(current.entities.map(e => e.entityRef));
    await this.requireKnownRefs(
      {
        ...merged,
        entities: (changes.entities ?? []).filter(
          e => !involved.has(e.entityRef),
        ),
        commander:
          changes.commander && changes.commander !== current.commander
            ? changes.commander
            : null,
      },
      credentials,
    );
    if (
      (merged.resolvedAt?.getTime() ?? null) !==
      (current.resolvedAt ? Date.parse(current.resolvedAt) : null)
    ) {
      changes.resolvedAt = merged.resolvedAt;
    }
    const at = this.now();
    const updated = await this.options.store.updateIncident(
      current.id,
      version,
      changes,
      {
        at,
        timelineEntry:
          merged.status !== current.status
            ? {
                incidentId: current.id,
                at: at.toISOString(),
                author,
                kind: 'status-change',
                text: `Status: ${current.status} → ${merged.status}`,
              }
            : undefined,
      },
    );
    if (
      updated.title !== current.title ||
      JSON.stringify(updated.entities) !== JSON.stringify(current.entities)
    ) {
      await this.replaceEvidence(current, updated);
    }
    return updated;
  }

  async listForEntity(
    entityRef: string,
    query: Omit<IncidentFilter, 'entityRef'> & {
      limit: number;
      cursor?: string;
    },
    credentials: BackstageCredentials,
  ): Promise<IncidentListResponse> {
    await this.requireReadableEntity(entityRef, credentials);
    return this.list({ ...query, entityRef }, credentials);
  }

  /**
   * A page of incidents, newest first; those the caller may not read (no involved entity it may
   * read) are left out, so a page can hold fewer than `limit` while `cursor` goes on.
   */
  async list(
    query: IncidentFilter & { limit: number; cursor?: string },
    credentials: BackstageCredentials,
  ): Promise<IncidentListResponse> {
    const { limit, cursor, ...filter } = query;
    const rows = await this.options.store.listIncidents(filter, {
      limit: limit + 1,
      after: cursor ? toIncidentPosition(decodeCursor(cursor)) : undefined,
    });
    const page = rows.slice(0, limit);
    const readable = await this.options.readFilter.readable(
      page.flatMap(incident => incident.entities.map(e => e.entityRef)),
      credentials,
    );
    return {
      items: page.flatMap(incident => {
        const visible = withReadableEntities(incident, readable);
        return visible ? [visible] : [];
      }),
      cursor:
        rows.length > limit
          ? encodeCursor(page[limit - 1].startedAt, page[limit - 1].id)
          : null,
    };
  }

  /**
   * The open incidents the caller may read, newest first, each with only the entities it may
   * read (at most 500: open incidents are few).
   */
  async openIncidents(credentials: BackstageCredentials): Promise<Incident[]> {
    const { items } = await this.list(
      { status: 'open', limit: OPEN_INCIDENTS_LIMIT },
      credentials,
    );
    return items;
  }

  async metrics(
    entityRef: string,
    window: { from?: Date; to?: Date },
    credentials: BackstageCredentials,
  ): Promise<IncidentMetrics> {
    await this.requireReadableEntity(entityRef, credentials);
    const measures = await this.options.store.measureIncidents({
      entityRef,
      ...window,
    });
    return computeIncidentMetrics(measures, {
      now: this.now(),
      postmortemDueDays: this.options.settings.postmortemDueDays,
    });
  }

  async timeline(
    id: number,
    credentials: BackstageCredentials,
  ): Promise<TimelineEntry[]> {
    await this.get(id, credentials);
    return this.options.store.listTimeline(id, TIMELINE_LIMIT);
  }

  async addTimelineEntry(
    id: number,
    entry: { at?: Date; kind: TimelineEntryKind; text: string },
    credentials: BackstageCredentials,
  ): Promise<TimelineEntry> {
    const incident = await this.requireIncident(id);
    await this.requireEditor(incident, credentials);
    return this.writeTimelineEntry(incident, entry, actorOf(credentials));
  }

  /** Adds an entry on behalf of `author`, with no permission check (pager webhooks). */
  async writeTimelineEntry(
    incident: Incident,
    entry: { at?: Date; kind: TimelineEntryKind; text: string },
    author: string,
  ): Promise<TimelineEntry> {
    const entries = await this.options.store.listTimeline(
      incident.id,
      TIMELINE_LIMIT,
    );
    if (entries.length >= TIMELINE_LIMIT) {
      throw new InputError(
        `The timeline of incident ${
          incident.id
        } holds its ${TIMELINE_LIMIT.toLocaleString(
          'en-US',
        )} entries already; summarise in the postmortem instead`,
      );
    }
    return this.options.store.addTimelineEntry({
      incidentId: incident.id,
      at: (entry.at ?? this.now()).toISOString(),
      author,
      kind: entry.kind,
      text: entry.text,
    });
  }

  async getPostmortem(
    id: number,
    credentials: BackstageCredentials,
  ): Promise<Postmortem> {
    await this.get(id, credentials);
    const postmortem = await this.options.store.getPostmortem(id);
    if (!postmortem) {
      throw new NotFoundError(`Incident ${id} has no postmortem yet`);
    }
    return postmortem;
  }

  async putPostmortem(
    id: number,
    write: PostmortemInput & { version?: number },
    credentials: BackstageCredentials,
  ): Promise<Postmortem> {
    const incident = await this.requireIncident(id);
    await this.requireEditor(incident, credentials);
    const { version, ...postmortem } = write;
    const unknown = await this.unknownRefs(
      postmortem.actionItems.map(item => item.owner),
      credentials,
    );
    if (unknown.length > 0) {
      throw new InputError(
        postmortem.actionItems
          .map((item, i) =>
            unknown.includes(item.owner)
              ? `actionItems.${i}.owner: ${item.owner} is not in the catalog`
              : undefined,
          )
          .filter(Boolean)
          .join('; '),
      );
    }
    return this.options.store.putPostmortem(id, postmortem, {
      version,
      by: actorOf(credentials),
      at: this.now(),
    });
  }

  async openActionItems(entityRef: string, credentials: BackstageCredentials) {
    await this.requireReadableEntity(entityRef, credentials);
    return this.options.store.listOpenActionItemsOfEntity(
      entityRef,
      ACTION_ITEMS_LIMIT,
    );
  }

  private async requireIncident(id: number): Promise<Incident> {
    const incident = await this.options.store.getIncident(id);
    if (!incident) throw new NotFoundError(`No incident ${id}`);
    return incident;
  }

  /** The incident with only the entities the caller may read; 404 when it may read none. */
  private async readable(
    incident: Incident,
    credentials: BackstageCredentials,
  ): Promise<Incident> {
    const readable = await this.options.readFilter.readable(
      incident.entities.map(e => e.entityRef),
      credentials,
    );
    const visible = withReadableEntities(incident, readable);
    if (!visible) throw new NotFoundError(`No incident ${incident.id}`);
    return visible;
  }

  private async requireReadableEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }

  /**
   * 404 unless the caller may read an involved entity; 403 unless it is the creator, the
   * commander, a member of an owner group of an involved entity or of a responder group (or this
   * plugin itself), and then unless the organisation's policy allows
   * `reliability.incident.update` on every involved entity and on each of `newRefs`. Answers the
   * involved entities the caller may read.
   */
  private async requireEditor(
    incident: Incident,
    credentials: BackstageCredentials,
    newRefs: string[] = [],
  ): Promise<Set<string>> {
    const readable = await this.options.readFilter.readable(
      incident.entities.map(e => e.entityRef),
      credentials,
    );
    if (readable.size === 0)
      throw new NotFoundError(`No incident ${incident.id}`);
    const { principal } = credentials as BackstageCredentials<any>;
    const isPlugin =
      principal.type === 'service' && principal.subject === PLUGIN_SUBJECT;
    // An external service (an automation with its own token) edits the incidents it declared.
    // A plugin calling for others (Backstage's MCP server for every static-token client) shares
    // one subject among them, so it may not.
    const isCreatorService =
      principal.type === 'service' &&
      !principal.subject.startsWith('plugin:') &&
      incident.createdBy === principal.subject;
    if (!isPlugin && !isCreatorService) {
      const user: string | undefined =
        principal.type === 'user' ? principal.userEntityRef : undefined;
      if (!user || !(await this.mayEdit(incident, user))) {
        throw new NotAllowedError(
          `Only incident ${incident.id}'s creator, its commander, members of the owners of the entities it involves and of the responder groups may change it`,
        );
      }
    }
    const refs = [
      ...new Set([...incident.entities.map(e => e.entityRef), ...newRefs]),
    ];
    const decisions = await this.options.permissions.authorize(
      refs.map(ref => ({
        permission: incidentUpdatePermission,
        resourceRef: ref,
      })),
      { credentials },
    );
    if (decisions.some(d => d.result !== AuthorizeResult.ALLOW)) {
      throw new NotAllowedError(
        `Your organisation's policy does not allow ${incidentUpdatePermission.name} on every entity incident ${incident.id} would involve`,
      );
    }
    return readable;
  }

  private async mayEdit(incident: Incident, user: string): Promise<boolean> {
    if (incident.createdBy === user || incident.commander === user) return true;
    const snapshot = await this.options.catalogIndex.current();
    const owners = await this.ownersOf(
      incident.entities.map(e => e.entityRef),
      snapshot,
    );
    if (owners.includes(user)) return true;
    const editingGroups = [...this.options.settings.responderGroups, ...owners];
    if (
      editingGroups.some(group =>
        snapshot.groups.get(group)?.memberRefs.includes(user),
      )
    ) {
      return true;
    }
    // A membership the index does not have yet (a new user or group): the catalog has it.
    const entity = await this.options.catalog.getEntityByRef(user, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    return (entity?.relations ?? []).some(
      relation =>
        relation.type === RELATION_MEMBER_OF &&
        editingGroups.includes(relation.targetRef),
    );
  }

  /** The owners of `refs`, from the index, or the catalog for refs it does not know yet. */
  private async ownersOf(
    refs: string[],
    snapshot: CatalogSnapshot,
  ): Promise<string[]> {
    const owners = refs.flatMap(
      ref => snapshot.entitiesByRef.get(ref)?.ownerRef ?? [],
    );
    const missing = refs.filter(ref => !snapshot.entitiesByRef.has(ref));
    if (missing.length > 0) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: missing, fields: ['relations'] },
        { credentials: await this.options.auth.getOwnServiceCredentials() },
      );
      for (const item of items) {
        for (const relation of item?.relations ?? []) {
          if (relation.type === 'ownedBy') owners.push(relation.targetRef);
        }
      }
    }
    return owners;
  }

  private requireValidTimes(fields: IncidentFields) {
    const problems = incidentTimeProblems(fields);
    if (problems.length > 0) throw new InputError(problems.join('; '));
  }

  /**
   * 400 naming each entity ref, and the commander, that the catalog does not have or that
   * `credentials` may not read (the same answer, so a ref's existence does not leak).
   */
  private async requireKnownRefs(
    fields: IncidentFields,
    credentials?: BackstageCredentials,
  ) {
    const refs = fields.entities.map(e => e.entityRef);
    if (fields.commander) refs.push(fields.commander);
    const unknown = await this.unknownRefs(refs, credentials);
    if (unknown.length === 0) return;
    const problems = fields.entities.flatMap((e, i) =>
      unknown.includes(e.entityRef)
        ? [`entities.${i}.entityRef: ${e.entityRef} is not in the catalog`]
        : [],
    );
    if (fields.commander && unknown.includes(fields.commander)) {
      problems.push(`commander: ${fields.commander} is not in the catalog`);
    }
    throw new InputError(problems.join('; '));
  }

  private unknownRefs(refs: string[], credentials?: BackstageCredentials) {
    return findUnknownRefs(this.options, refs, credentials);
  }

  /**
   * Evidence follows the incident, best effort: the incident is written either way, and a
   * failure is logged rather than answered, so a retry does not declare it twice.
   */
  private async recordEvidence(incident: Incident) {
    const edges = evidenceEdges(incident);
    if (edges.length === 0) return;
    await this.options.observations
      .record(edges)
      .catch(error =>
        this.options.logger.warn(
          `Could not record the dependency evidence of incident ${incident.id}: ${error}`,
        ),
      );
  }

  private async replaceEvidence(previous: Incident, current: Incident) {
    await this.options.observations
      .remove(evidenceEdges(previous))
      .then(() => this.recordEvidence(current))
      .catch(error =>
        this.options.logger.warn(
          `Could not replace the dependency evidence of incident ${current.id}: ${error}`,
        ),
      );
  }
}

/** A resolved incident without `resolvedAt` is resolved now. */
function withResolution(fields: IncidentFields, now: Date): IncidentFields {
  return fields.status === 'resolved' && !fields.resolvedAt
    ? { ...fields, resolvedAt: now }
    : fields;
}

function toIncidentPosition({ at, id }: KeysetPosition): IncidentPosition {
  return { startedAt: at, id };
}

function fieldsOf(incident: Incident): IncidentFields {
  const time = (value: string | null) => (value ? new Date(value) : null);
  return {
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    cause: incident.cause,
    startedAt: new Date(incident.startedAt),
    detectedAt: time(incident.detectedAt),
    declaredAt: time(incident.declaredAt),
    mitigatedAt: time(incident.mitigatedAt),
    resolvedAt: time(incident.resolvedAt),
    mitigation: incident.mitigation,
    commander: incident.commander,
    summary: incident.summary,
    impact: incident.impact,
    channel: incident.channel,
    entities: incident.entities,
    externalRefs: incident.externalRefs,
  };
}

function withReadableEntities(
  incident: Incident,
  readable: Set<string>,
): Incident | undefined {
  const entities = incident.entities.filter(e => readable.has(e.entityRef));
  return entities.length > 0 ? { ...incident, entities } : undefined;
}

/**
 * The detail an incident's evidence carries: its name for pages ("Incident 42"), then its
 * title, as other evidence names its source and then what it saw.
 */
export function incidentEvidenceDetail(
  incident: Pick<Incident, 'id' | 'title'>,
) {
  return `Incident ${incident.id}: ${incident.title}`.slice(0, DETAIL_LIMIT);
}

/** An `incident` edge from each affected entity to each root cause. */
export function evidenceEdges(incident: Incident): ObservedEdge[] {
  const roots = incident.entities.filter(e => e.role === 'root-cause');
  const affected = incident.entities.filter(e => e.role === 'affected');
  const detail = incidentEvidenceDetail(incident);
  const observedAt = new Date(incident.startedAt);
  return affected.flatMap(source =>
    roots.map(target => ({
      source: source.entityRef,
      target: target.entityRef,
      evidence: 'incident' as const,
      detail,
      observedAt,
    })),
  );
}
