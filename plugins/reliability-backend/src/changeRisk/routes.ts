import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseQuery } from '../http/parseQuery';
import { unknownRefAsInputError } from '../http/unknownRef';
import { ChangeRiskService } from './ChangeRiskService';

/** `GET /change-risk`. */
export const changeRiskQuery = z.object({
  entityRef: z
    .string({
      error:
        'is required: the entity to change, such as component:default/orders-service',
    })
    .max(255, 'must be at most 255 characters'),
});

/** `GET /change-risk?entityRef=`: the change-risk report, as CI and the Before-you-change page read it. */
export function createChangeRiskRoutes(options: {
  httpAuth: HttpAuthService;
  changeRisk: ChangeRiskService;
}): express.Router {
  const router = Router();
  router.get('/change-risk', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req);
    const { entityRef } = parseQuery(changeRiskQuery, req.query);
    let ref: string;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(entityRef, { defaultNamespace: 'default' }),
      );
    } catch {
      throw new InputError(
        `entityRef: must be an entity ref such as component:default/orders-service, got ${JSON.stringify(
          entityRef,
        )}`,
      );
    }
    res.json(
      await unknownRefAsInputError(
        'entityRef',
        options.changeRisk.getReport(ref, credentials),
      ),
    );
  });
  return router;
}
