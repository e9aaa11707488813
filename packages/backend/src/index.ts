import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the demo's guest maps to a catalog user (auth.providers.guest.userEntityRef).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Lists entities the catalog rejected, with the reason, for the unprocessed-entities page.
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// The reliability suite: the plugin, its catalog module and the Prometheus module in one line;
// PagerDuty on-call and webhooks in another.
backend.add(
  import('@reliability-suite/backstage-plugin-reliability-backend/suite'),
);
backend.add(
  import(
    '@reliability-suite/backstage-plugin-reliability-backend-module-pagerduty'
  ),
);

// The suite's actions as MCP tools at /api/mcp-actions/v1 (backend.actions.pluginSources).
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// The demo's past incidents and runbook drills (demo.incidentsFile, demo.drillsFile), each loaded once.
backend.add(import('./demo/demoData'));

backend.start();
