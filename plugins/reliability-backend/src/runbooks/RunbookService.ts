import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Drill,
  DrillInput,
  isAheadOfClock,
  DrillListResponse,
  drillCreatePermission,
  RunbookItem,
  runbooksOf,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { findUnknownRefs } from '../catalog/findUnknownRefs';
import { decodeCursor, encodeCursor } from '../http/keysetCursor';
import { actorOf } from '../incidents/IncidentService';
import { DrillStore } from './DrillStore';
import { RunbookSettings } from './runbookConfig';
import { assessFreshness } from './runbookFreshness';

/** What other capabilities read of runbooks: an entity's, with their freshness. */
export interface RunbookReader {
  runbooksOf(entity: Entity): Promise<RunbookItem[]>;
}

/**
 * Runbooks are an entity's `runbook` links, read from the catalog with the caller's
 * credentials; drills are kept in the plugin's database. A runbook is fresh while its latest
 * drill passed within `drillFreshnessDays`.
 */
export class RunbookService implements RunbookReader {
  constructor(
    private readonly options: {
      store: DrillStore;
      catalog: CatalogService;
      catalogIndex: CatalogIndex;
      readFilter: CatalogReadFilter;
      permissions: PermissionsService;
      auth: AuthService;
      settings: RunbookSettings;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async listRunbooks(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<RunbookItem[]> {
    return this.runbooksOf(await this.requireEntity(entityRef, credentials));
  }

  async runbooksOf(entity: Entity): Promise<RunbookItem[]> {
    const runbooks = runbooksOf(entity);
    if (runbooks.length === 0) return [];
    const latest = await this.options.store.latestDrills(
      stringifyEntityRef(entity),
    );
    const now = this.now();
    return runbooks.map(runbook => {
      const drill = latest.get(runbook.url);
      const lastDrill = drill
        ? {
            performedAt: drill.performedAt,
            outcome: drill.outcome,
            minutesToMitigate: drill.minutesToMitigate,
          }
        : null;
      return {
        ...runbook,
        lastDrill,
        ...assessFreshness(
          lastDrill,
          now,
          this.options.settings.drillFreshnessDays,
        ),
      };
    });
  }

  async recordDrill(
    input: Omit<DrillInput, 'performedAt'> & { performedAt: Date },
    credentials: BackstageCredentials,
  ): Promise<Drill> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: drillCreatePermission, resourceRef: input.entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Recording a drill of ${input.entityRef} needs the ${drillCreatePermission.name} permission`,
      );
    }
    const entity = await this.options.catalog.getEntityByRef(input.entityRef, {
      credentials,
    });
    if (!entity) {
      throw new InputError(
        `entityRef: ${input.entityRef} is not in the catalog`,
      );
    }
    const problems: string[] = [];
    const runbooks = runbooksOf(entity);
    if (!runbooks.some(runbook => runbook.url === input.runbookUrl)) {
      problems.push(
        runbooks.length === 0
          ? `runbookUrl: ${input.entityRef} has no runbooks (links of type runbook)`
          : `runbookUrl: ${input.runbookUrl} is not one of ${
              input.entityRef
            }'s runbooks (${runbooks.map(r => r.url).join(', ')})`,
      );
    }
    if (isAheadOfClock(input.performedAt, this.now())) {
      problems.push(
        `performedAt: ${input.performedAt.toISOString()} is in the future; record a drill once it took place`,
      );
    }
    const unknown = await findUnknownRefs(
      this.options,
      input.participants,
      credentials,
    );
    input.participants.forEach((ref, i) => {
      if (unknown.includes(ref)) {
        problems.push(`participants.${i}: ${ref} is not in the catalog`);
      }
    });
    if (problems.length > 0) throw new InputError(problems.join('; '));
    return this.options.store.recordDrill({
      ...input,
      // As every read names it, whatever the case the request used.
      entityRef: stringifyEntityRef(entity),
      performedAt: input.performedAt.toISOString(),
      minutesToMitigate: input.minutesToMitigate ?? null,
      participants: [...new Set(input.participants)],
      recordedBy: actorOf(credentials),
      recordedAt: this.now().toISOString(),
    });
  }

  async listDrills(
    entityRef: string,
    page: { limit: number; cursor?: string },
    credentials: BackstageCredentials,
  ): Promise<DrillListResponse> {
    await this.requireEntity(entityRef, credentials);
    const after = page.cursor ? decodeCursor(page.cursor) : undefined;
    const rows = await this.options.store.listDrills(entityRef, {
      limit: page.limit + 1,
      after: after && { performedAt: after.at, id: after.id },
    });
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items,
      cursor:
        rows.length > page.limit
          ? encodeCursor(last.performedAt, last.id)
          : null,
    };
  }

  private async requireEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    return entity;
  }
}
