import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OnCallProvider } from '@reliability-suite/backstage-plugin-reliability-node';
import { Capability } from '../capability';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import {
  EscalationReader,
  EscalationService,
  OwnershipReader,
} from './EscalationService';
import { registerEscalationActions } from './actions';
import { createEscalationRoutes } from './routes';

/**
 * Ownership, on-call and escalation: each entity's owner and escalation path (an external pager
 * through `onCallProviders`, else the catalog's `EscalationPolicy`), lookup and schedules, all
 * read from the catalog index. Hands out the ownership summaries other capabilities show.
 */
export function createEscalationCapability(options: {
  catalog: CatalogService;
  catalogIndex: CatalogIndex;
  permissions: PermissionsService;
  onCallProviders: OnCallProvider[];
  httpAuth: HttpAuthService;
  actionsRegistry: ActionsRegistryService;
}): Capability & { ownership: OwnershipReader; escalation: EscalationReader } {
  const escalation = new EscalationService({
    catalog: options.catalog,
    catalogIndex: options.catalogIndex,
    readFilter: new CatalogReadFilter({
      catalog: options.catalog,
      permissions: options.permissions,
    }),
    providers: options.onCallProviders,
  });
  registerEscalationActions(options.actionsRegistry, escalation);
  return {
    router: createEscalationRoutes({ httpAuth: options.httpAuth, escalation }),
    ownership: escalation,
    escalation,
    tasks: [],
  };
}
