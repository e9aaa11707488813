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
}): Capability {
  const { httpAuth, config, ...readers } = options;
  return {
    router: createChangeRiskRoutes({
      httpAuth,
      changeRisk: new ChangeRiskService({
        ...readers,
        settings: readChangeRiskConfig(config),
      }),
    }),
    tasks: [],
  };
}
