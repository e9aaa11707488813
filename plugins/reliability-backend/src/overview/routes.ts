import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { entityRefFromPath } from '../http/entityPath';
import { OverviewService } from './OverviewService';

/** `GET /entities/:kind/:namespace/:name/overview`: the Reliability tab in one request. */
export function createOverviewRoutes(options: {
  httpAuth: HttpAuthService;
  overview: OverviewService;
}): express.Router {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/overview', async (req, res) => {
    const entityRef = entityRefFromPath(req.params);
    const credentials = await options.httpAuth.credentials(req);
    res.json(await options.overview.getOverview(entityRef, credentials));
  });
  return router;
}
