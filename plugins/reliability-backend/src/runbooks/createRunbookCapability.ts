import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerRunbookActions } from './actions';
import {
  AuditorService,
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { Capability } from '../capability';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { DatabaseDrillStore } from './DatabaseDrillStore';
import { readRunbookConfig } from './runbookConfig';
import { RunbookReader, RunbookService } from './RunbookService';
import { createRunbookRoutes } from './routes';

/**
 * Runbooks (an entity's `runbook` links) and their drills, kept in the plugin's database: a
 * runbook is fresh while its latest drill passed within `reliability.runbooks.drillFreshnessDays`.
 */
export function createRunbookCapability(options: {
  config: Config;
  db: Knex;
  catalog: CatalogService;
  catalogIndex: CatalogIndex;
  auth: AuthService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  permissions: PermissionsService;
  actionsRegistry: ActionsRegistryService;
}): Capability & { runbooks: RunbookReader } {
  const { catalog, permissions } = options;
  const runbooks = new RunbookService({
    store: new DatabaseDrillStore(options.db),
    catalog,
    catalogIndex: options.catalogIndex,
    readFilter: new CatalogReadFilter({ catalog, permissions }),
    permissions,
    auth: options.auth,
    settings: readRunbookConfig(options.config),
  });
  registerRunbookActions(options.actionsRegistry, runbooks);
  return {
    router: createRunbookRoutes({
      httpAuth: options.httpAuth,
      auditor: options.auditor,
      runbooks,
    }),
    tasks: [],
    runbooks,
  };
}
