import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Capability } from '../capability';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { DependencyReader } from '../dependencies';
import { EscalationReader } from '../escalation';
import { IncidentReader } from '../incidents';
import { RunbookReader } from '../runbooks';
import { SloReader } from '../slo';
import { OverviewService } from './OverviewService';
import { createOverviewRoutes } from './routes';

/** The entity's Reliability overview: every other capability's answer in one request. */
export function createOverviewCapability(options: {
  catalog: CatalogService;
  catalogIndex: CatalogIndex;
  slos: SloReader;
  escalation: EscalationReader;
  dependencies: DependencyReader;
  incidents: IncidentReader;
  runbooks: RunbookReader;
  httpAuth: HttpAuthService;
  logger: LoggerService;
}): Capability {
  const { httpAuth, ...readers } = options;
  return {
    router: createOverviewRoutes({
      httpAuth,
      overview: new OverviewService(readers),
    }),
    tasks: [],
  };
}
