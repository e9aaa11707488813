import express from 'express';
import Router from 'express-promise-router';
import { HealthResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { Capability } from './capability';
import { databaseUnavailable } from './database/databaseUnavailable';

/**
 * Mounts the plugin's routes: `/health`, then each capability's own. Every route requires
 * Backstage credentials (the framework's default auth policy) except those the plugin opens
 * explicitly with `httpRouter.addAuthPolicy`. A request that finds the database away answers
 * 503 with the reason.
 */
export function createRouter(options: {
  capabilities: Capability[];
}): express.Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    // Serialized by hand: in development Backstage pretty-prints res.json(), and probes and
    // scripts compare this body as the exact text {"status":"ok"}.
    res.type('application/json').send(JSON.stringify(body));
  });
  for (const { router: routes } of options.capabilities) {
    if (routes) router.use(routes);
  }
  router.use(
    (
      error: unknown,
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => next(databaseUnavailable(error) ?? error),
  );
  return router;
}
