import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  parseObservationBatch,
  quoteExcerpt,
} from '@reliability-suite/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityRefFromPath } from '../http/entityPath';
import { jsonBody } from '../http/jsonBody';
import { parseQuery, wholeNumberQuery } from '../http/parseQuery';
import { sendLargeJson } from '../http/sendLargeJson';
import { unknownRefAsInputError } from '../http/unknownRef';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { auditedWrites } from '../http/audited';
import { authorizeObservationDelete } from './authorizeObservationDelete';
import { authorizeObservationWrite } from './authorizeObservationWrite';
import { DependencyService } from './DependencyService';
import { decodeImpactCursor } from './impactCursor';

// 10,000 edges of two long refs, an evidence kind, a detail and a time each fit with room.
const BODY_LIMIT = '5mb';

/** `GET /impact`, within the configured depth and result limits. */
export function impactQuery(settings: {
  maxDepth: number;
  maxResults: number;
}) {
  return z.object({
    entityRef: z
      .string()
      .min(1, 'is required, e.g. resource:default/orders-db'),
    direction: z.enum(['downstream', 'upstream']).default('downstream'),
    maxDepth: wholeNumberQuery
      .pipe(z.number().min(1).max(settings.maxDepth))
      .optional()
      .transform(value => value ?? settings.maxDepth),
    limit: wholeNumberQuery
      .pipe(z.number().min(1).max(settings.maxResults))
      .optional(),
    cursor: z.string().min(1).max(500).optional(),
    include: z
      .string()
      .default('declared,observed')
      .transform(text => text.split(',').map(part => part.trim()))
      .refine(parts => parts.every(p => p === 'declared' || p === 'observed'), {
        message: 'must list declared and/or observed',
      }),
  });
}

/**
 * Observed dependencies (recorded by service principals always, by users with the
 * permission), each entity's dependencies, and the impact walk.
 */
export function createDependencyRoutes(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  dependencies: DependencyService;
  catalogIndex: CatalogIndex;
  auditor: AuditorService;
}): express.Router {
  const { httpAuth, permissions, dependencies } = options;
  const router = Router();
  const audited = auditedWrites(options.auditor);
  router.use('/observations', jsonBody(BODY_LIMIT));

  async function authorizeWrite(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeObservationWrite(permissions, credentials);
  }

  function parse(body: unknown) {
    const parsed = parseObservationBatch(body);
    if (parsed.error !== undefined) {
      throw new InputError(parsed.error);
    }
    return parsed.edges;
  }

  router.post('/observations', async (req, res) => {
    await authorizeWrite(req);
    const edges = parse(req.body);
    await dependencies.record(edges);
    res.json({ recorded: edges.length });
  });

  router.delete('/observations', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const deleted = await audited(
      req,
      'observation-delete',
      {},
      async () => {
        const edges = parse(req.body);
        await authorizeObservationDelete(
          { permissions, catalogIndex: options.catalogIndex },
          edges,
          credentials,
        );
        return dependencies.remove(edges);
      },
      count => ({ deleted: count }),
    );
    res.json({ deleted });
  });

  router.get(
    '/entities/:kind/:namespace/:name/dependencies',
    async (req, res) => {
      const entityRef = entityRefFromPath(req.params);
      const credentials = await httpAuth.credentials(req);
      res.json(await dependencies.getDependencies(entityRef, credentials));
    },
  );

  router.get('/impact', async (req, res) => {
    const query = parseQuery(impactQuery(dependencies.settings), req.query);
    let root: string;
    try {
      root = stringifyEntityRef(
        parseEntityRef(query.entityRef, { defaultNamespace: 'default' }),
      );
    } catch {
      throw new InputError(
        `entityRef: ${quoteExcerpt(
          query.entityRef,
        )} is not an entity ref such as resource:default/orders-db`,
      );
    }
    const credentials = await httpAuth.credentials(req);
    await sendLargeJson(
      req,
      res,
      await unknownRefAsInputError(
        'entityRef',
        dependencies.getImpact(
          {
            root,
            direction: query.direction,
            maxDepth: query.maxDepth,
            include: {
              declared: query.include.includes('declared'),
              observed: query.include.includes('observed'),
            },
            limit: query.limit,
            cursor:
              query.cursor === undefined
                ? undefined
                : decodeImpactCursor(query.cursor),
          },
          credentials,
        ),
      ),
    );
  });

  return router;
}
