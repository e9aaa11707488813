import {
  DRILL_OUTCOMES,
  DRILL_PARTICIPANTS_LIMIT,
  DRILL_TEXT_LIMITS,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { z } from 'zod';
import { entityRef, expected, oneOf, text, webUrl } from '../http/bodySchemas';
import { isoTimeQuery } from '../http/parseQuery';

const ENTITY_REF_LIMIT = 255;

/** `POST /runbooks/drills`. */
export const drillInputSchema = z
  .object({
    entityRef: entityRef(ENTITY_REF_LIMIT),
    runbookUrl: webUrl(DRILL_TEXT_LIMITS.url),
    scenario: text(DRILL_TEXT_LIMITS.scenario),
    performedAt: isoTimeQuery,
    outcome: oneOf(DRILL_OUTCOMES),
    minutesToMitigate: z
      .number({ error: expected('a number of minutes') })
      .int('must be a whole number of minutes')
      .min(0, 'must not be negative')
      .max(100_000, 'must be at most 100,000 minutes')
      .nullish(),
    participants: z
      .array(entityRef(ENTITY_REF_LIMIT, 'user'), {
        error: expected('a list of users'),
      })
      .max(
        DRILL_PARTICIPANTS_LIMIT,
        `must name at most ${DRILL_PARTICIPANTS_LIMIT} people`,
      )
      .superRefine((refs, context) => {
        refs.forEach((ref, i) => {
          if (!ref.startsWith('user:')) {
            context.addIssue({
              code: 'custom',
              path: [i],
              message: `${ref} is not a User`,
            });
          }
        });
      }),
    findings: z
      .string({ error: expected('text') })
      .max(
        DRILL_TEXT_LIMITS.findings,
        `must be at most ${DRILL_TEXT_LIMITS.findings.toLocaleString(
          'en-US',
        )} characters`,
      )
      .transform(value => value.trim()),
  })
  .strict();
