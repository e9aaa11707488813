import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  observationCreatePermission,
  parseObservationBatch,
} from '@reliability-suite/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { ObservationStore } from './ObservationStore';

// 10,000 edges of two long refs, an evidence kind, a detail and a time each fit with room.
const BODY_LIMIT = '5mb';

/** Recording observed dependencies: service principals always, users with the permission. */
export function createObservationRoutes(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  observations: ObservationStore;
}): express.Router {
  const { httpAuth, permissions, observations } = options;
  const router = Router();
  router.use('/observations', express.json({ limit: BODY_LIMIT }));

  async function authorizeWrite(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (credentials.principal.type === 'service') {
      return;
    }
    const [decision] = await permissions.authorize(
      [{ permission: observationCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Recording observed dependencies needs the ${observationCreatePermission.name} permission`,
      );
    }
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
    await observations.addObservations(edges);
    res.json({ recorded: edges.length });
  });

  router.delete('/observations', async (req, res) => {
    await authorizeWrite(req);
    const edges = parse(req.body);
    res.json({ deleted: await observations.deleteObservations(edges) });
  });

  return router;
}
