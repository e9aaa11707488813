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
import { IncidentService } from './IncidentService';
import { createIncidentRoutes } from './routes';

/**
 * Incident history and blameless postmortems, kept in the plugin's database; incidents record
 * the dependencies they reveal through the dependency capability's `observations`.
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
}): Capability {
  const { catalog, permissions } = options;
  const settings = readIncidentConfig(options.config);
  const incidents = new IncidentService({
    store: new DatabaseIncidentStore(options.db),
    catalog,
    catalogIndex: options.catalogIndex,
    readFilter: new CatalogReadFilter({ catalog, permissions }),
    permissions,
    auth: options.auth,
    observations: options.observations,
    settings,
  });
  return {
    router: createIncidentRoutes({
      httpAuth: options.httpAuth,
      auditor: options.auditor,
      incidents,
    }),
    tasks: [],
  };
}
