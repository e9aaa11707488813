import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  SLO_KIND,
  SloListResponse,
} from '@reliability-suite/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityRefFromPath, requireEntity } from '../entities/entityPath';
import { SloService } from './SloService';

const isoTime = z
  .string()
  .refine(value => !Number.isNaN(Date.parse(value)), {
    message: 'must be an ISO-8601 time such as 2026-11-01T00:00:00Z',
  })
  .transform(value => new Date(value));

const historyQuery = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  objective: z.coerce.number().int().min(0).default(0),
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

  router.get('/entities/:kind/:namespace/:name/policy', async (req, res) => {
    const entityRef = entityRefFromPath(req.params);
    const credentials = await httpAuth.credentials(req);
    await requireEntity(catalog, entityRef, credentials);
    res.json(await slos.getPolicy(entityRef, credentials));
  });

  router.get('/slos/:namespace/:name/history', async (req, res) => {
    const sloRef = entityRefFromPath({ ...req.params, kind: SLO_KIND });
    const credentials = await httpAuth.credentials(req);
    const parsed = historyQuery.safeParse(req.query);
    if (!parsed.success) {
      throw new InputError(
        parsed.error.issues
          .map(issue => `${issue.path.join('.')}: ${issue.message}`)
          .join('; '),
      );
    }
    res.json(await slos.getHistory({ sloRef, credentials, ...parsed.data }));
  });

  router.get('/slos/:namespace/:name/rules', async (req, res) => {
    const sloRef = entityRefFromPath({ ...req.params, kind: SLO_KIND });
    const credentials = await httpAuth.credentials(req);
    const rules = await slos.getRules(sloRef, credentials);
    res.type('application/yaml').send(rules);
  });

  return router;
}
