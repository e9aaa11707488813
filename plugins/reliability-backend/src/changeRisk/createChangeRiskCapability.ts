import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerChangeRiskActions } from './actions';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Capability } from '../capability';
import { DependencyReader } from '../dependencies';
import { OwnershipReader } from '../escalation';
import { IncidentReader } from '../incidents';
import { RunbookReader } from '../runbooks';
import { SloReader } from '../slo';
import { readChangeRiskConfig } from './changeRiskConfig';
import { ChangeRiskService } from './ChangeRiskService';
import { createChangeRiskRoutes } from './routes';

/** The change-risk report for people and CI, from the other capabilities' answers. */
export function createChangeRiskCapability(options: {
  config: Config;
  catalog: CatalogService;
  slos: SloReader;
  dependencies: DependencyReader;
  ownership: OwnershipReader;
  incidents: IncidentReader;
  runbooks: RunbookReader;
  httpAuth: HttpAuthService;
  actionsRegistry: ActionsRegistryService;
}): Capability {
  const { httpAuth, config, actionsRegistry, ...readers } = options;
  const changeRisk = new ChangeRiskService({
    ...readers,
    settings: readChangeRiskConfig(config),
  });
  registerChangeRiskActions(actionsRegistry, changeRisk);
  return {
    router: createChangeRiskRoutes({ httpAuth, changeRisk }),
    tasks: [],
  };
}
