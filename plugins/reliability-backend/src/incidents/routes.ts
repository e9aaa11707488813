import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { INCIDENT_STATUSES } from '@reliability-suite/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { auditedWrites } from '../http/audited';
import { parseBody } from '../http/parseBody';
import { entityRefFromPath } from '../http/entityPath';
import { jsonBody } from '../http/jsonBody';
import { isoTimeQuery, parseQuery, wholeNumberQuery } from '../http/parseQuery';
import {
  incidentInputSchema,
  toFields,
  incidentPatchSchema,
  postmortemSchema,
  timelineEntrySchema,
} from './incidentSchemas';
import { IncidentService } from './IncidentService';
import { IncidentFields } from './IncidentStore';

// The largest valid postmortem (eight parts of 20,000 characters, 100 action items with links:
// some 485,000 characters) fits even when every character takes several bytes.
const BODY_LIMIT = '4mb';
const PAGE_DEFAULT = 20;
const PAGE_MAX = 100;

/** `GET /incidents` and `GET /entities/:kind/:namespace/:name/incidents`. */
export const incidentListQuery = z.object({
  status: z
    .enum(['open', ...INCIDENT_STATUSES], {
      error: () => `must be open or one of ${INCIDENT_STATUSES.join(', ')}`,
    })
    .optional(),
  from: isoTimeQuery.optional(),
  to: isoTimeQuery.optional(),
  limit: wholeNumberQuery
    .pipe(z.number().min(1).max(PAGE_MAX))
    .optional()
    .transform(value => value ?? PAGE_DEFAULT),
  cursor: z.string().max(500).optional(),
});

/** `GET /entities/:kind/:namespace/:name/incident-metrics`. */
export const incidentMetricsQuery = z.object({
  from: isoTimeQuery.optional(),
  to: isoTimeQuery.optional(),
});

function incidentId(params: { id?: string }): number {
  const id = Number(params.id);
  if (!/^\d{1,15}$/.test(params.id ?? '') || !Number.isSafeInteger(id)) {
    throw new InputError(`id: "${params.id}" is not an incident id`);
  }
  return id;
}

/**
 * Incidents, their timelines and postmortems, each entity's history and metrics. Every write
 * is recorded with the auditor (`incident-create`, `incident-update`, `incident-timeline-add`,
 * `incident-postmortem-write`), successful or not.
 */
export function createIncidentRoutes(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  incidents: IncidentService;
}): express.Router {
  const { httpAuth, auditor, incidents } = options;
  const router = Router();
  router.use('/incidents', jsonBody(BODY_LIMIT));

  const audited = auditedWrites(auditor);

  router.post('/incidents', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const incident = await audited(
      req,
      'incident-create',
      {},
      async () =>
        incidents.declare(
          toFields(parseBody(incidentInputSchema, req.body)),
          credentials,
        ),
      created => ({
        incidentId: created.id,
        severity: created.severity,
        entities: created.entities.map(e => e.entityRef),
      }),
    );
    res.status(201).json(incident);
  });

  router.get('/incidents', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = parseQuery(incidentListQuery, req.query);
    res.json(await incidents.list(query, credentials));
  });

  router.get('/incidents/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await incidents.get(incidentId(req.params), credentials));
  });

  router.patch('/incidents/:id', async (req, res) => {
    const id = incidentId(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const updated = await audited(
      req,
      'incident-update',
      { incidentId: id },
      async () => {
        const patch = parseBody(incidentPatchSchema, req.body) as {
          version: number;
        } & Partial<IncidentFields>;
        return incidents.update(id, patch, credentials);
      },
      incident => ({ incidentId: id, version: incident.version }),
    );
    res.json(updated);
  });

  router.get('/incidents/:id/timeline', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await incidents.timeline(incidentId(req.params), credentials),
    });
  });

  router.post('/incidents/:id/timeline', async (req, res) => {
    const id = incidentId(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entry = await audited(
      req,
      'incident-timeline-add',
      { incidentId: id },
      async () =>
        incidents.addTimelineEntry(
          id,
          parseBody(timelineEntrySchema, req.body),
          credentials,
        ),
      added => ({ incidentId: id, entryId: added.id, kind: added.kind }),
    );
    res.status(201).json(entry);
  });

  router.get('/incidents/:id/postmortem', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await incidents.getPostmortem(incidentId(req.params), credentials),
    );
  });

  router.put('/incidents/:id/postmortem', async (req, res) => {
    const id = incidentId(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const postmortem = await audited(
      req,
      'incident-postmortem-write',
      { incidentId: id },
      async () =>
        incidents.putPostmortem(
          id,
          parseBody(postmortemSchema, req.body),
          credentials,
        ),
      written => ({ incidentId: id, version: written.version }),
    );
    res.json(postmortem);
  });

  router.get('/entities/:kind/:namespace/:name/incidents', async (req, res) => {
    const entityRef = entityRefFromPath(req.params);
    const credentials = await httpAuth.credentials(req);
    const query = parseQuery(incidentListQuery, req.query);
    res.json(await incidents.listForEntity(entityRef, query, credentials));
  });

  router.get(
    '/entities/:kind/:namespace/:name/incident-metrics',
    async (req, res) => {
      const entityRef = entityRefFromPath(req.params);
      const credentials = await httpAuth.credentials(req);
      const window = parseQuery(incidentMetricsQuery, req.query);
      res.json(await incidents.metrics(entityRef, window, credentials));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/action-items',
    async (req, res) => {
      const entityRef = entityRefFromPath(req.params);
      const credentials = await httpAuth.credentials(req);
      res.json({
        items: await incidents.openActionItems(entityRef, credentials),
      });
    },
  );

  return router;
}
