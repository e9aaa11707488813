import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { reliabilityPermissions } from '@reliability-suite/backstage-plugin-reliability-common';
import {
  DependencyObserver,
  dependencyObserversExtensionPoint,
  OnCallProvider,
  onCallProvidersExtensionPoint,
  SliSource,
  sliSourcesExtensionPoint,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { createCatalogIndex } from './catalog/createCatalogIndex';
import { createChangeRiskCapability } from './changeRisk';
import { migrateDatabase } from './database/migrateDatabase';
import { createDependencyCapability } from './dependencies';
import { createEscalationCapability } from './escalation';
import { createIncidentCapability } from './incidents';
import { createOverviewCapability } from './overview';
import { createRouter } from './router';
import { createRunbookCapability } from './runbooks';
import { createSloCapability } from './slo';

/**
 * The reliability suite's backend under `/api/reliability`: SLOs and error budgets,
 * ownership and escalation, dependencies and impact, incidents, runbooks and drills, and what
 * reads them all: the entity overview and the change-risk report. Each capability is a folder with a factory;
 * this composition root builds them in dependency order over one catalog index per replica.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const sliSources: SliSource[] = [];
    env.registerExtensionPoint(sliSourcesExtensionPoint, {
      addSliSource: source => sliSources.push(source),
    });
    const onCallProviders: OnCallProvider[] = [];
    env.registerExtensionPoint(onCallProvidersExtensionPoint, {
      addOnCallProvider: provider => onCallProviders.push(provider),
    });
    const dependencyObservers: DependencyObserver[] = [];
    env.registerExtensionPoint(dependencyObserversExtensionPoint, {
      addDependencyObserver: observer => dependencyObservers.push(observer),
    });

    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
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
      async init(deps) {
        const {
          actionsRegistry,
          config,
          catalog,
          httpAuth,
          httpRouter,
          logger,
          scheduler,
        } = deps;
        deps.permissionsRegistry.addPermissions(reliabilityPermissions);
        const db = await migrateDatabase(deps.database);

        const catalogIndex = createCatalogIndex({
          config,
          catalog,
          auth: deps.auth,
          scheduler,
          logger,
        });
        const slo = createSloCapability({
          config,
          db,
          catalog,
          catalogIndex: catalogIndex.catalogIndex,
          permissions: deps.permissions,
          sliSources,
          httpAuth,
          scheduler,
          logger,
          actionsRegistry,
        });
        const escalation = createEscalationCapability({
          catalog,
          catalogIndex: catalogIndex.catalogIndex,
          permissions: deps.permissions,
          onCallProviders,
          httpAuth,
          actionsRegistry,
        });
        const dependencies = createDependencyCapability({
          config,
          db,
          catalog,
          catalogIndex: catalogIndex.catalogIndex,
          dependencyObservers,
          sloSnapshots: slo.sloSnapshots,
          ownership: escalation.ownership,
          httpAuth,
          permissions: deps.permissions,
          auditor: deps.auditor,
          scheduler,
          logger,
          actionsRegistry,
        });

        const incidents = createIncidentCapability({
          config,
          db,
          catalog,
          catalogIndex: catalogIndex.catalogIndex,
          observations: dependencies.observations,
          auth: deps.auth,
          httpAuth,
          auditor: deps.auditor,
          permissions: deps.permissions,
          logger,
          actionsRegistry,
        });

        const runbooks = createRunbookCapability({
          config,
          db,
          catalog,
          catalogIndex: catalogIndex.catalogIndex,
          auth: deps.auth,
          httpAuth,
          auditor: deps.auditor,
          permissions: deps.permissions,
          actionsRegistry,
        });
        const readers = {
          catalog,
          slos: slo.sloSnapshots,
          dependencies: dependencies.dependencyReader,
          incidents: incidents.incidents,
          runbooks: runbooks.runbooks,
          httpAuth,
        };
        const overview = createOverviewCapability({
          ...readers,
          catalogIndex: catalogIndex.catalogIndex,
          escalation: escalation.escalation,
          logger,
        });
        const changeRisk = createChangeRiskCapability({
          ...readers,
          actionsRegistry,
          config,
          ownership: escalation.ownership,
        });

        // The catalog index last: its first snapshot triggers the other capabilities' tasks.
        const capabilities = [
          slo,
          escalation,
          dependencies,
          incidents,
          runbooks,
          overview,
          changeRisk,
          catalogIndex,
        ];
        for (const task of capabilities.flatMap(c => c.tasks)) {
          await scheduler.scheduleTask(task);
        }
        httpRouter.use(createRouter({ capabilities }));
        for (const path of [
          '/health',
          ...capabilities.flatMap(c => c.unauthenticatedPaths ?? []),
        ]) {
          httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
      },
    });
  },
});
