import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { auditedWrites } from '../http/audited';
import { entityRefFromPath } from '../http/entityPath';
import { jsonBody } from '../http/jsonBody';
import { parseBody } from '../http/parseBody';
import { parseQuery, wholeNumberQuery } from '../http/parseQuery';
import { drillInputSchema } from './drillSchemas';
import { RunbookService } from './RunbookService';

const BODY_LIMIT = '256kb';

/** What a request named, for the audit log, however long or malformed it was. */
function excerpt(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, 300) : null;
}

/** `GET /entities/:kind/:namespace/:name/drills`. */
export const drillListQuery = z.object({
  limit: wholeNumberQuery
    .pipe(z.number().min(1).max(100))
    .optional()
    .transform(value => value ?? 20),
  cursor: z.string().max(500).optional(),
});

/** An entity's runbooks with their freshness, and its drills; `drill-record` is audited. */
export function createRunbookRoutes(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  runbooks: RunbookService;
}): express.Router {
  const { httpAuth, runbooks } = options;
  const audited = auditedWrites(options.auditor);
  const router = Router();
  router.use('/runbooks', jsonBody(BODY_LIMIT));

  router.get('/entities/:kind/:namespace/:name/runbooks', async (req, res) => {
    const entityRef = entityRefFromPath(req.params);
    const credentials = await httpAuth.credentials(req);
    res.json({ items: await runbooks.listRunbooks(entityRef, credentials) });
  });

  router.get('/entities/:kind/:namespace/:name/drills', async (req, res) => {
    const entityRef = entityRefFromPath(req.params);
    const credentials = await httpAuth.credentials(req);
    const page = parseQuery(drillListQuery, req.query);
    res.json(await runbooks.listDrills(entityRef, page, credentials));
  });

  router.post('/runbooks/drills', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const asked = req.body ?? {};
    const drill = await audited(
      req,
      'drill-record',
      {
        entityRef: excerpt(asked.entityRef),
        runbookUrl: excerpt(asked.runbookUrl),
      },
      async () =>
        runbooks.recordDrill(
          parseBody(drillInputSchema, req.body),
          credentials,
        ),
      recorded => ({
        drillId: recorded.id,
        entityRef: recorded.entityRef,
        runbookUrl: recorded.runbookUrl,
        outcome: recorded.outcome,
      }),
    );
    res.status(201).json(drill);
  });

  return router;
}
