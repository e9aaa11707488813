import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerDependencyActions } from './actions';
import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DependencyObserver } from '@reliability-suite/backstage-plugin-reliability-node';
import { Knex } from 'knex';
import { Capability, CapabilityTask } from '../capability';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { OwnershipReader } from '../escalation';
import { SloSnapshotReader } from '../slo';
import { triggerTask } from '../util/triggerTask';
import { DatabaseObservationStore } from './DatabaseObservationStore';
import { readDependencyConfig } from './dependencyConfig';
import {
  DependencyReader,
  DependencyService,
  ObservationWriter,
} from './DependencyService';
import { createDependencyRoutes } from './routes';

export const DEPENDENCY_GRAPH_TASK = 'reliability-dependency-graph';

/**
 * Declared and observed dependencies, and impact: each replica keeps its own graph, rebuilt
 * whenever its catalog index is, and on `reliability.dependencies.refreshFrequency` to pick up
 * what other replicas recorded. Observers (`dependencyObservers`) run once per cadence across
 * replicas, and again as soon as the index first finds entities, so that names read before the
 * catalog had loaded are placed at once.
 */
export function createDependencyCapability(options: {
  config: Config;
  db: Knex;
  catalog: CatalogService;
  catalogIndex: CatalogIndex;
  dependencyObservers: DependencyObserver[];
  sloSnapshots: SloSnapshotReader;
  ownership: OwnershipReader;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  scheduler: SchedulerService;
  logger: LoggerService;
  actionsRegistry: ActionsRegistryService;
}): Capability & {
  observations: ObservationWriter;
  dependencyReader: DependencyReader;
} {
  const { catalog, catalogIndex, permissions, logger } = options;
  const settings = readDependencyConfig(options.config);
  const dependencies = new DependencyService({
    catalog,
    catalogIndex,
    readFilter: new CatalogReadFilter({ catalog, permissions }),
    observations: new DatabaseObservationStore(options.db),
    sloSnapshots: options.sloSnapshots,
    ownership: options.ownership,
    settings,
  });
  const observerTasks: CapabilityTask[] = options.dependencyObservers.map(
    observer => ({
      id: `reliability-dependency-observer-${observer.id}`,
      scope: 'global',
      frequency: observer.frequency,
      timeout: { minutes: 5 },
      fn: async signal => {
        const edges = await dependencies.observe(observer, signal);
        logger.debug(`${observer.id} observed ${edges} dependencies`);
      },
    }),
  );

  catalogIndex.onRefresh(async (snapshot, previous) => {
    // A rebuild already under way may have started from the previous snapshot.
    const graph = await dependencies.refresh();
    if (graph.snapshot !== snapshot) await dependencies.refresh();
    if (snapshot.size > 0 && !previous?.size) {
      const triggered = await Promise.allSettled(
        observerTasks.map(task => triggerTask(options.scheduler, task.id)),
      );
      for (const result of triggered) {
        if (result.status === 'rejected') {
          logger.warn(`Could not start an observer: ${result.reason}`);
        }
      }
    }
  });

  registerDependencyActions(options.actionsRegistry, dependencies, permissions);
  return {
    observations: dependencies,
    dependencyReader: dependencies,
    router: createDependencyRoutes({
      httpAuth: options.httpAuth,
      permissions,
      dependencies,
      catalogIndex,
      auditor: options.auditor,
    }),
    tasks: [
      {
        id: DEPENDENCY_GRAPH_TASK,
        scope: 'local',
        frequency: settings.refreshFrequency,
        timeout: { minutes: 5 },
        fn: async () => {
          await dependencies.refresh();
        },
      },
      ...observerTasks,
    ],
  };
}
