import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { quoteExcerpt } from '@reliability-suite/backstage-plugin-reliability-common';
import { z } from 'zod';
import { entityRefFromPath } from '../http/entityPath';
import { isoTimeQuery, parseQuery, wholeNumberQuery } from '../http/parseQuery';
import { unknownRefAsInputError } from '../http/unknownRef';
import { EscalationService } from './EscalationService';

const DAY_MS = 86_400_000;
const MAX_SCHEDULE_DAYS = 92;
// Longer than any entity name, title or tag the lookup could match.
const LOOKUP_QUERY_LIMIT = 200;

/** `GET /entities/:kind/:namespace/:name/escalation`. */
export const escalationQuery = z.object({ at: isoTimeQuery.optional() });
/** `GET /lookup`. */
export const lookupQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'is required: a name, title, tag, owner or service name')
    .max(
      LOOKUP_QUERY_LIMIT,
      `must be at most ${LOOKUP_QUERY_LIMIT} characters`,
    ),
  limit: wholeNumberQuery
    .pipe(z.number().min(1).max(50))
    .optional()
    .transform(value => value ?? 10),
});
/** `GET /oncall`. */
export const scheduleQuery = z.object({
  group: z.string().min(1, 'is required, e.g. group:default/payments'),
  from: isoTimeQuery.optional(),
  to: isoTimeQuery.optional(),
});

/** The escalation routes: an entity's escalation path, lookup, and on-call schedules. */
export function createEscalationRoutes(options: {
  httpAuth: HttpAuthService;
  escalation: EscalationService;
}): express.Router {
  const { httpAuth, escalation } = options;
  const router = Router();

  router.get(
    '/entities/:kind/:namespace/:name/escalation',
    async (req, res) => {
      const entityRef = entityRefFromPath(req.params);
      const { at } = parseQuery(escalationQuery, req.query);
      const credentials = await httpAuth.credentials(req);
      res.json(
        await escalation.getEscalation(
          entityRef,
          at ?? new Date(),
          credentials,
        ),
      );
    },
  );

  router.get('/lookup', async (req, res) => {
    const { q, limit } = parseQuery(lookupQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    res.json(await escalation.lookup(q, limit, credentials));
  });

  router.get('/oncall', async (req, res) => {
    const query = parseQuery(scheduleQuery, req.query);
    let groupRef: string | undefined;
    try {
      const ref = parseEntityRef(query.group, { defaultKind: 'group' });
      groupRef =
        ref.kind.toLocaleLowerCase('en-US') === 'group'
          ? stringifyEntityRef(ref)
          : undefined;
    } catch {
      groupRef = undefined;
    }
    if (!groupRef) {
      throw new InputError(
        `group: ${quoteExcerpt(
          query.group,
        )} is not a group ref such as group:default/payments`,
      );
    }
    const from = query.from ?? new Date();
    const to = query.to ?? new Date(from.getTime() + 14 * DAY_MS);
    if (to <= from) {
      throw new InputError('to must be after from');
    }
    if (to.getTime() - from.getTime() > MAX_SCHEDULE_DAYS * DAY_MS) {
      throw new InputError(
        `from and to may be at most ${MAX_SCHEDULE_DAYS} days apart`,
      );
    }
    const credentials = await httpAuth.credentials(req);
    res.json(
      await unknownRefAsInputError(
        'group',
        escalation.getSchedule(groupRef, from, to, credentials),
      ),
    );
  });

  return router;
}
