import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { reliabilityPlugin } from './plugin';

/**
 * The reliability suite's backend in one `backend.add(...)`: this plugin, the catalog module
 * that validates and relates the suite's kinds (`SLO`, `EscalationPolicy`), and the Prometheus
 * SLI source and service-graph observer. The PagerDuty module is optional, one line of its own.
 */
export default createBackendFeatureLoader({
  *loader() {
    yield reliabilityPlugin;
    yield import(
      '@reliability-suite/backstage-plugin-catalog-backend-module-reliability'
    );
    yield import(
      '@reliability-suite/backstage-plugin-reliability-backend-module-prometheus'
    );
  },
});
