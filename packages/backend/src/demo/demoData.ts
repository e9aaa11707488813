import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { loadDemoDrills } from './demoDrills';
import { loadDemoIncidents } from './demoIncidents';
import { reliabilityCaller } from './reliabilityCaller';

// The catalog reads the demo's entities in the first seconds after start; until it has them,
// a write naming them is refused, and the load is tried again.
const RETRY_MS = 5_000;
const GIVE_UP_MS = 5 * 60_000;

/**
 * Loads the demo's past incidents (`demo.incidentsFile`) and runbook drills
 * (`demo.drillsFile`) through the reliability API, as this backend's own service, once each,
 * after start.
 */
export default createBackendModule({
  pluginId: 'reliability',
  moduleId: 'demo-data',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        lifecycle: coreServices.rootLifecycle,
        logger: coreServices.logger,
      },
      async init({ auth, config, discovery, lifecycle, logger }) {
        const call = reliabilityCaller({ auth, discovery });
        const loaders = [
          {
            what: 'demo incidents',
            file: optionalFile(config, 'demo.incidentsFile'),
            load: loadDemoIncidents,
          },
          {
            what: 'demo drills',
            file: optionalFile(config, 'demo.drillsFile'),
            load: loadDemoDrills,
          },
        ];
        lifecycle.addStartupHook(() => {
          const deadline = Date.now() + GIVE_UP_MS;
          for (const { what, file, load } of loaders) {
            if (!file) continue;
            const attempt = async () => {
              try {
                const loaded = await load(call, file);
                if (loaded > 0)
                  logger.info(`Loaded ${loaded} ${what} from ${file}`);
              } catch (error) {
                if (Date.now() < deadline) {
                  setTimeout(attempt, RETRY_MS).unref();
                } else {
                  logger.warn(`Could not load the ${what}: ${error}`);
                }
              }
            };
            attempt();
          }
        });
      },
    });
  },
});

/**
 * A file the demo loads, or none when the key is absent or empty (Backstage's string readers
 * refuse an empty string, which is how a later config layer turns a loader off).
 */
function optionalFile(config: Config, key: string): string | undefined {
  const value = config.getOptional(key);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new Error(`${key} must be a file name, or empty to load none`);
  }
  return value;
}
