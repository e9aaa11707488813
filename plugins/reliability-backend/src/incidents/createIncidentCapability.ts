import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerIncidentActions } from './actions';
import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { Capability } from '../capability';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { ObservationWriter } from '../dependencies';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';
import { readIncidentConfig } from './incidentConfig';
import { IncidentReader, IncidentService } from './IncidentService';
import {
  createPagerDutyWebhookRoutes,
  PAGERDUTY_WEBHOOK_PATH,
} from './pagerDutyWebhook';
import { createIncidentRoutes } from './routes';
import Router from 'express-promise-router';

/**
 * Incident history and blameless postmortems, kept in the plugin's database; incidents record
 * the dependencies they reveal through the dependency capability's `observations`. PagerDuty's
 * signed webhooks declare, acknowledge and resolve incidents of mapped services.
 */
export function createIncidentCapability(options: {
  config: Config;
  db: Knex;
  catalog: CatalogService;
  catalogIndex: CatalogIndex;
  observations: ObservationWriter;
  auth: AuthService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  permissions: PermissionsService;
  logger: LoggerService;
  actionsRegistry: ActionsRegistryService;
}): Capability & { incidents: IncidentReader } {
  const { catalog, permissions } = options;
  const settings = readIncidentConfig(options.config);
  const store = new DatabaseIncidentStore(options.db);
  const incidents = new IncidentService({
    store,
    catalog,
    catalogIndex: options.catalogIndex,
    readFilter: new CatalogReadFilter({ catalog, permissions }),
    permissions,
    auth: options.auth,
    observations: options.observations,
    settings,
    logger: options.logger,
  });
  const router = Router();
  router.use(
    createPagerDutyWebhookRoutes({
      incidents,
      store,
      catalog,
      catalogIndex: options.catalogIndex,
      auth: options.auth,
      auditor: options.auditor,
      logger: options.logger,
      secrets: settings.pagerdutyWebhookSecrets,
    }),
  );
  router.use(
    createIncidentRoutes({
      httpAuth: options.httpAuth,
      auditor: options.auditor,
      incidents,
    }),
  );
  registerIncidentActions(options.actionsRegistry, incidents, options.auditor);
  return {
    router,
    tasks: [],
    unauthenticatedPaths: [PAGERDUTY_WEBHOOK_PATH],
    incidents,
  };
}
