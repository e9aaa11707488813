import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { migrateDatabase } from './database/migrations';
import { createRouter } from './router';

/**
 * The reliability suite's backend: SLOs and error budgets, dependencies and impact,
 * escalation, runbooks and incidents, under `/api/reliability`.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
      },
      async init({ database, httpRouter }) {
        await migrateDatabase(database);
        httpRouter.use(createRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
