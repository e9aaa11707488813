import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { ReliabilityEntitiesProcessor } from './processor/ReliabilityEntitiesProcessor';

/**
 * Teaches the catalog the reliability suite's kinds: OpenSLO `SLO` and `SLI`, and
 * `EscalationPolicy`.
 *
 * @public
 */
export const catalogModuleReliability = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'reliability',
  register({ registerInit }) {
    registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new ReliabilityEntitiesProcessor());
      },
    });
  },
});
