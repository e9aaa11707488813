import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  DependencyObserver,
  dependencyObserversExtensionPoint,
  OnCallProvider,
  onCallProvidersExtensionPoint,
  SliSource,
  sliSourcesExtensionPoint,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { readOptionalDuration } from './config/readOptionalDuration';
import { EscalationService } from './escalation/EscalationService';
import { createEscalationRoutes } from './escalation/routes';
import { reliabilityPermissions } from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogReadFilter } from './catalog/CatalogReadFilter';
import { DatabaseObservationStore } from './dependencies/DatabaseObservationStore';
import { readDependencyConfig } from './dependencies/dependencyConfig';
import { DependencyService } from './dependencies/DependencyService';
import { createDependencyRoutes } from './dependencies/routes';
import { createRouter } from './router';
import { DatabaseSloSnapshotStore } from './slo/DatabaseSloSnapshotStore';
import { createSloRoutes } from './slo/routes';
import { SloCatalog } from './slo/SloCatalog';
import { readSloConfig } from './slo/sloConfig';
import { SloEvaluator } from './slo/SloEvaluator';
import { SloService } from './slo/SloService';

/**
 * The reliability suite's backend: SLOs and error budgets, dependencies and impact,
 * escalation, runbooks and incidents, under `/api/reliability`.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const sliSources: SliSource[] = [];
    env.registerExtensionPoint(sliSourcesExtensionPoint, {
      addSliSource(source) {
        sliSources.push(source);
      },
    });

    const dependencyObservers: DependencyObserver[] = [];
    env.registerExtensionPoint(dependencyObserversExtensionPoint, {
      addDependencyObserver(observer) {
        dependencyObservers.push(observer);
      },
    });

    const onCallProviders: OnCallProvider[] = [];
    env.registerExtensionPoint(onCallProvidersExtensionPoint, {
      addOnCallProvider(provider) {
        onCallProviders.push(provider);
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init({
        auth,
        catalog,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        scheduler,
      }) {
        permissionsRegistry.addPermissions(reliabilityPermissions);
        const sloConfig = readSloConfig(config);
        const store = await DatabaseSloSnapshotStore.create({ database });
        const sloCatalog = new SloCatalog(catalog);
        const evaluator = new SloEvaluator({
          catalog: sloCatalog,
          auth,
          store,
          sources: sliSources,
          logger,
          warningThreshold: sloConfig.warningThreshold,
          concurrency: sloConfig.concurrency,
          retentionMs: sloConfig.retentionMs,
        });
        await scheduler.scheduleTask({
          id: 'reliability-slo-evaluation',
          frequency: sloConfig.frequency,
          timeout: sloConfig.timeout,
          fn: async signal => {
            const cycle = await evaluator.evaluateAll(signal);
            logger.debug(
              `Evaluated ${cycle.slos} SLOs with ${cycle.requests} SLI requests in ${cycle.durationMs} ms`,
            );
          },
        });

        const escalation = new EscalationService({
          catalog,
          auth,
          providers: onCallProviders,
        });
        // Each replica keeps its own copy of the ownership index.
        await scheduler.scheduleTask({
          id: 'reliability-ownership-index',
          scope: 'local',
          frequency: readOptionalDuration(
            config,
            'reliability.escalation.refreshFrequency',
            { minutes: 1 },
          ),
          timeout: { minutes: 5 },
          fn: async () => {
            await escalation.refresh();
          },
        });

        const dependencyConfig = readDependencyConfig(config);
        const dependencies = new DependencyService({
          catalog,
          readFilter: new CatalogReadFilter({ catalog, permissions }),
          auth,
          observations: await DatabaseObservationStore.create({ database }),
          snapshots: store,
          escalation,
          settings: dependencyConfig,
        });
        // Each replica keeps its own graph, rebuilt from the catalog and the shared observations.
        await scheduler.scheduleTask({
          id: 'reliability-dependency-index',
          scope: 'local',
          frequency: dependencyConfig.refreshFrequency,
          timeout: { minutes: 5 },
          fn: async () => {
            await dependencies.refresh();
          },
        });
        for (const observer of dependencyObservers) {
          await scheduler.scheduleTask({
            id: `reliability-dependency-observer-${observer.id}`,
            frequency: observer.frequency,
            timeout: { minutes: 5 },
            fn: async signal => {
              const edges = await dependencies.observe(observer, signal);
              logger.debug(`${observer.id} observed ${edges} dependencies`);
            },
          });
        }

        const slos = new SloService({
          catalog: sloCatalog,
          store,
          sources: sliSources,
        });
        httpRouter.use(
          createRouter({
            capabilities: [
              createSloRoutes({ httpAuth, catalog, slos }),
              createEscalationRoutes({ httpAuth, escalation }),
              createDependencyRoutes({ httpAuth, permissions, dependencies }),
            ],
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
