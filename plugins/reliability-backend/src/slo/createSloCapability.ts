import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerSloActions } from './actions';
import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SliSource } from '@reliability-suite/backstage-plugin-reliability-node';
import { Knex } from 'knex';
import { Capability } from '../capability';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { triggerTask } from '../util/triggerTask';
import { DatabaseSloSnapshotStore } from './DatabaseSloSnapshotStore';
import { createSloRoutes } from './routes';
import { SloCatalog } from './SloCatalog';
import { readSloConfig } from './sloConfig';
import { SloEvaluator } from './SloEvaluator';
import { SloReader, SloService } from './SloService';

export const SLO_EVALUATION_TASK = 'reliability-slo-evaluation';

/**
 * SLOs and error budgets: one replica at a time evaluates every SLO against its SLI source and
 * stores snapshots (`reliability.slo.evaluation.*`); the routes read them. An evaluation runs as
 * soon as the catalog index sees SLOs it has not seen before (at start, and when one is added).
 */
export function createSloCapability(options: {
  config: Config;
  db: Knex;
  catalog: CatalogService;
  catalogIndex: CatalogIndex;
  permissions: PermissionsService;
  sliSources: SliSource[];
  httpAuth: HttpAuthService;
  scheduler: SchedulerService;
  logger: LoggerService;
  actionsRegistry: ActionsRegistryService;
}): Capability & { sloSnapshots: SloReader } {
  const { config, db, catalog, catalogIndex, sliSources, logger, permissions } =
    options;
  const settings = readSloConfig(config);
  const store = new DatabaseSloSnapshotStore(db);
  const evaluator = new SloEvaluator({
    catalogIndex,
    store,
    sources: sliSources,
    logger,
    warningThreshold: settings.warningThreshold,
    concurrency: settings.concurrency,
    retentionMs: settings.retentionMs,
  });
  const slos = new SloService({
    catalog: new SloCatalog({
      catalog,
      catalogIndex,
      readFilter: new CatalogReadFilter({ catalog, permissions }),
    }),
    catalogIndex,
    store,
    sources: sliSources,
  });

  // SLOs this replica has not seen (all of them when it starts) are evaluated at once, unless
  // another replica's evaluation is recent: so a new SLO, or a backend that starts, shows
  // values within seconds instead of "not evaluated yet", and replicas starting together
  // evaluate once.
  const frequencyMs = durationToMilliseconds(settings.frequency);
  catalogIndex.onRefresh(async (snapshot, previous) => {
    const known = new Set(previous?.slos.map(slo => stringifyEntityRef(slo)));
    const added = snapshot.slos
      .map(slo => stringifyEntityRef(slo))
      .filter(ref => !known.has(ref));
    if (added.length === 0) return;
    const evaluated = new Set(
      (await store.getLatestSnapshots(added))
        .filter(
          latest => Date.now() - Date.parse(latest.evaluatedAt) < frequencyMs,
        )
        .map(latest => latest.sloRef),
    );
    if (added.some(ref => !evaluated.has(ref))) {
      await triggerTask(options.scheduler, SLO_EVALUATION_TASK);
    }
  });

  registerSloActions(options.actionsRegistry, slos, catalog);
  return {
    router: createSloRoutes({ httpAuth: options.httpAuth, catalog, slos }),
    sloSnapshots: slos,
    tasks: [
      {
        id: SLO_EVALUATION_TASK,
        scope: 'global',
        frequency: settings.frequency,
        timeout: settings.timeout,
        fn: async signal => {
          const cycle = await evaluator.evaluateAll(signal);
          logger.debug(
            `Evaluated ${cycle.slos} SLOs with ${cycle.requests} SLI requests in ${cycle.durationMs} ms`,
          );
        },
      },
    ],
  };
}
