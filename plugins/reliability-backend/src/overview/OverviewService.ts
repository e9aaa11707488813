import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  compareSloStates,
  EntityOverview,
  Incident,
  nextEscalation,
  OverviewSlo,
  RunbookItem,
  runbookFor,
  UpstreamSuspect,
  worstSloState,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { DependencyReader } from '../dependencies';
import { EscalationReader } from '../escalation';
import { IncidentReader } from '../incidents';
import { RunbookReader } from '../runbooks';
import { SloReader } from '../slo';
import {
  incidentsByEntity,
  settlePart,
  summarizeIncident,
} from './overviewParts';

const RECENT_INCIDENTS = 5;
const OPEN_SHOWN = 20;
const UPSTREAM_SHOWN = 20;

/** A suspect in trouble sorts first: open incidents, then its SLO state, then hidden edges. */
function compareSuspects(a: UpstreamSuspect, b: UpstreamSuspect): number {
  return (
    b.openIncidents.length - a.openIncidents.length ||
    compareSloStates(a.sloState ?? 'ok', b.sloState ?? 'ok') ||
    Number(b.hidden) - Number(a.hidden) ||
    a.title.localeCompare(b.title)
  );
}

/**
 * An entity's Reliability overview in one answer, from the capabilities' snapshots and
 * in-memory indexes. Each part carries its own state, so one source failing (Prometheus'
 * evaluations, the pager, a store) greys that part and never the rest.
 */
export class OverviewService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      catalogIndex: CatalogIndex;
      slos: SloReader;
      escalation: EscalationReader;
      dependencies: DependencyReader;
      incidents: IncidentReader;
      runbooks: RunbookReader;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async getOverview(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityOverview> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const now = this.options.now?.() ?? new Date();
    // Shared by several parts; each part handles their failure on its own.
    const openIncidents = this.options.incidents.openIncidents(credentials);
    const runbooks = this.options.runbooks.runbooksOf(entity);
    openIncidents.catch(() => undefined);
    runbooks.catch(() => undefined);

    const [
      ownership,
      slos,
      open,
      runbookPart,
      upstream,
      downstream,
      recentIncidents,
      actionItems,
    ] = await Promise.all([
      this.ownership(entityRef, now, credentials),
      this.slos(entityRef, runbooks, credentials),
      settlePart<EntityOverview['openIncidents']>(
        this.options.logger,
        'The incident store',
        { items: [] },
        async () => {
          const { items } = await this.options.incidents.listForEntity(
            entityRef,
            { status: 'open', limit: OPEN_SHOWN },
            credentials,
          );
          return items.length > 0
            ? { state: 'ok', reason: null, items: items.map(summarizeIncident) }
            : { state: 'empty', reason: 'No open incidents', items: [] };
        },
      ),
      this.runbooks(entityRef, runbooks, credentials),
      this.upstream(entityRef, openIncidents, credentials),
      this.downstream(entityRef, credentials),
      settlePart<EntityOverview['recentIncidents']>(
        this.options.logger,
        'The incident store',
        { items: [] },
        async () => {
          const { items } = await this.options.incidents.listForEntity(
            entityRef,
            { limit: RECENT_INCIDENTS },
            credentials,
          );
          return items.length > 0
            ? { state: 'ok', reason: null, items: items.map(summarizeIncident) }
            : { state: 'empty', reason: 'No incidents recorded', items: [] };
        },
      ),
      settlePart<EntityOverview['actionItems']>(
        this.options.logger,
        'The incident store',
        { items: [] },
        async () => {
          const items = await this.options.incidents.openActionItems(
            entityRef,
            credentials,
          );
          return items.length > 0
            ? { state: 'ok', reason: null, items }
            : { state: 'empty', reason: 'No open action items', items };
        },
      ),
    ]);
    return {
      entityRef,
      generatedAt: now.toISOString(),
      ownership,
      slos,
      openIncidents: open,
      runbooks: runbookPart,
      upstream,
      downstream,
      recentIncidents,
      actionItems,
    };
  }

  private ownership(
    entityRef: string,
    now: Date,
    credentials: BackstageCredentials,
  ): Promise<EntityOverview['ownership']> {
    const empty = {
      owner: null,
      onCall: [],
      escalateNext: null,
      contacts: {},
    };
    return settlePart<EntityOverview['ownership']>(
      this.options.logger,
      'Escalation',
      empty,
      async () => {
        const escalation = await this.options.escalation.getEscalation(
          entityRef,
          now,
          credentials,
        );
        const configured = escalation.escalationPolicy.source !== 'none';
        // A pager that failed with no policy to fall back on: on-call is unknown, not unset.
        const pagerDown = escalation.warnings.find(w =>
          w.includes(' is unavailable '),
        );
        let state: EntityOverview['ownership']['state'] = 'ok';
        if (!configured) state = pagerDown ? 'unavailable' : 'not-configured';
        return {
          state,
          reason: configured
            ? escalation.warnings[0] ?? null
            : pagerDown ??
              'No escalation policy or pager for this entity or its owner',
          owner: escalation.owner,
          onCall: escalation.onCall
            .filter(entry => entry.level === 1)
            .map(({ level, userRef, displayName, until, timeZone }) => ({
              level,
              userRef,
              displayName,
              until,
              timeZone,
            })),
          escalateNext: nextEscalation(escalation),
          contacts: escalation.contacts,
        };
      },
    );
  }

  private slos(
    entityRef: string,
    runbooks: Promise<RunbookItem[]>,
    credentials: BackstageCredentials,
  ): Promise<EntityOverview['slos']> {
    const empty = { items: [], releaseGate: null, stale: false };
    return settlePart<EntityOverview['slos']>(
      this.options.logger,
      'SLO evaluation',
      empty,
      async () => {
        if (!this.options.slos.hasSliSource) {
          return {
            state: 'not-configured',
            reason:
              'No SLI source is configured (such as Prometheus): SLOs are not evaluated',
            ...empty,
          };
        }
        const found = await this.options.slos.listEntitySlos(
          entityRef,
          credentials,
        );
        if (found.length === 0) {
          return {
            state: 'empty',
            reason: 'No SLOs: define one with OpenSLO next to the code',
            ...empty,
          };
        }
        const covering = await runbooks.catch(() => []);
        const items: OverviewSlo[] = found
          .map(item => ({ ...item, runbook: runbookFor(item, covering) }))
          .sort((a, b) => compareSloStates(a.status.state, b.status.state));
        const stale = found.some(item => item.status.stale);
        return {
          state: 'ok',
          reason: stale
            ? 'Some values are from an older evaluation: the SLI source did not answer lately'
            : null,
          items,
          releaseGate: worstSloState(found.map(item => item.status.state)),
          stale,
        };
      },
    );
  }

  private runbooks(
    entityRef: string,
    runbooks: Promise<RunbookItem[]>,
    credentials: BackstageCredentials,
  ): Promise<EntityOverview['runbooks']> {
    const empty = { items: [], incidentMinutesToMitigate: null };
    return settlePart<EntityOverview['runbooks']>(
      this.options.logger,
      'The drill store',
      empty,
      async () => {
        const items = await runbooks;
        if (items.length === 0) {
          return {
            state: 'empty',
            reason: 'No runbooks: add links of type runbook to the entity',
            ...empty,
          };
        }
        const metrics = await this.options.incidents
          .metrics(entityRef, {}, credentials)
          .catch(() => undefined);
        return {
          state: 'ok',
          reason: null,
          items,
          incidentMinutesToMitigate: metrics?.mttm.median ?? null,
        };
      },
    );
  }

  private upstream(
    entityRef: string,
    openIncidents: Promise<Incident[]>,
    credentials: BackstageCredentials,
  ): Promise<EntityOverview['upstream']> {
    return settlePart<EntityOverview['upstream']>(
      this.options.logger,
      'The dependency graph',
      { items: [], total: 0 },
      async () => {
        const dependencies = await this.options.dependencies.getDependencies(
          entityRef,
          credentials,
        );
        const hidden = new Set(dependencies.hidden.map(edge => edge.target));
        const refs = [
          ...new Set(
            [...dependencies.declared, ...dependencies.observed]
              .filter(edge => edge.direction === 'upstream')
              .map(edge => edge.target),
          ),
        ];
        if (refs.length === 0) {
          return {
            state: 'empty',
            reason: 'It depends on nothing the catalog or traffic knows of',
            items: [],
            total: 0,
          };
        }
        const [snapshot, verdicts, incidents] = await Promise.all([
          this.options.catalogIndex.current(),
          this.options.slos.worstByEntity(refs).catch(() => new Map()),
          openIncidents.then(incidentsByEntity).catch(() => undefined),
        ]);
        const items = refs
          .map(ref => ({
            entityRef: ref,
            title: snapshot.entitiesByRef.get(ref)?.title ?? ref,
            sloState: verdicts.get(ref)?.state ?? null,
            openIncidents: (incidents?.get(ref) ?? []).map(
              ({ id, title, severity }) => ({ id, title, severity }),
            ),
            hidden: hidden.has(ref),
          }))
          .sort(compareSuspects);
        return {
          state: 'ok',
          reason: incidents
            ? null
            : 'Open incidents of its dependencies are unavailable',
          items: items.slice(0, UPSTREAM_SHOWN),
          total: items.length,
        };
      },
    );
  }

  private downstream(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityOverview['downstream']> {
    const empty = { entities: 0, owners: [], frozen: 0, truncated: false };
    return settlePart<EntityOverview['downstream']>(
      this.options.logger,
      'The dependency graph',
      empty,
      async () => {
        const impact = await this.options.dependencies.reachImpact(
          {
            root: entityRef,
            direction: 'downstream',
            maxDepth: this.options.dependencies.settings.maxDepth,
            include: { declared: true, observed: true },
          },
          credentials,
        );
        const { entities, owners, frozen } = impact.summary;
        return {
          state: entities > 0 ? 'ok' : 'empty',
          reason: entities > 0 ? null : 'Nothing depends on it',
          entities,
          owners,
          frozen,
          truncated: impact.truncated,
        };
      },
    );
  }
}
