import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ReleaseGateResponse,
  SLO_KIND,
  SloListResponse,
} from '@reliability-suite/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityRefFromPath, requireEntity } from '../http/entityPath';
import { isoTimeQuery, parseQuery, wholeNumberQuery } from '../http/parseQuery';
import { SloService } from './SloService';

/** `GET /slos/:namespace/:name/history`. */
export const historyQuery = z.object({
  from: isoTimeQuery.optional(),
  to: isoTimeQuery.optional(),
  objective: wholeNumberQuery.optional().transform(value => value ?? 0),
});

/** The SLO routes: an entity's SLOs and release gate, an SLO's history and alerting rules. */
export function createSloRoutes(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  slos: SloService;
}): express.Router {
  const { httpAuth, catalog, slos } = options;
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const entityRef = entityRefFromPath(req.params);
    const credentials = await httpAuth.credentials(req);
    await requireEntity(catalog, entityRef, credentials);
    const body: SloListResponse = {
      items: await slos.listEntitySlos(entityRef, credentials),
    };
    res.json(body);
  });

  router.get(
    '/entities/:kind/:namespace/:name/release-gate',
    async (req, res) => {
      const entityRef = entityRefFromPath(req.params);
      const credentials = await httpAuth.credentials(req);
      await requireEntity(catalog, entityRef, credentials);
      const body: ReleaseGateResponse = await slos.getReleaseGate(
        entityRef,
        credentials,
      );
      res.json(body);
    },
  );

  router.get('/slos/:namespace/:name/history', async (req, res) => {
    const sloRef = entityRefFromPath({ ...req.params, kind: SLO_KIND });
    const credentials = await httpAuth.credentials(req);
    const query = parseQuery(historyQuery, req.query);
    res.json(await slos.getHistory({ sloRef, credentials, ...query }));
  });

  router.get('/slos/:namespace/:name/rules', async (req, res) => {
    const sloRef = entityRefFromPath({ ...req.params, kind: SLO_KIND });
    const credentials = await httpAuth.credentials(req);
    const rules = await slos.getRules(sloRef, credentials);
    res.type('application/yaml').send(rules);
  });

  return router;
}
