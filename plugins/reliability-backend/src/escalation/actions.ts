import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ACTION_LIMITS,
  EscalationLevel,
  nextEscalation,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  ENTITY_REF_DESCRIPTION,
  entityRefInput,
} from '../actions/entityRefInput';
import { EscalationService } from './EscalationService';

function laterLevels(levels: EscalationLevel[]) {
  return levels
    .filter(level => level.level > 1)
    .map(level => ({
      level: level.level,
      delayMinutes: level.delayMinutes,
      targets: level.targets.map(target => target.displayName),
    }));
}

/** `who-to-page`: the answer of the escalation route, or of the lookup for free text. */
export function registerEscalationActions(
  registry: ActionsRegistryService,
  escalation: EscalationService,
) {
  registry.register({
    name: 'who-to-page',
    title: 'Who to page',
    description: `Who owns a service, database or other catalog entity, who is on call for it right now and until when, whom to escalate to next and after how many minutes, and how to reach them (Slack channel, email). Give entityRef when you know it, or query with free text: a service name such as "orders", a team name or a tag (the ${ACTION_LIMITS.matches} best matches are answered). Only entities the caller may read are answered.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .max(255)
            .optional()
            .describe(ENTITY_REF_DESCRIPTION),
          query: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe('Free text: a service name, a team name or a tag'),
        }),
      output: z =>
        z.object({
          matches: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              owner: z
                .object({ ref: z.string(), title: z.string() })
                .nullable(),
              onCall: z.array(
                z.object({
                  level: z.number(),
                  userRef: z.string(),
                  displayName: z.string(),
                  until: z
                    .string()
                    .nullable()
                    .describe(
                      'ISO-8601 end of their shift; null when not on a rotation',
                    ),
                }),
              ),
              next: z
                .object({
                  level: z.number(),
                  delayMinutes: z.number(),
                  targets: z.array(z.string()),
                  users: z.array(z.string()),
                })
                .nullable()
                .describe(
                  'Whom to escalate to after the first level, and after how long',
                ),
              contacts: z.record(z.string()),
              levels: z
                .array(
                  z.object({
                    level: z.number(),
                    delayMinutes: z.number(),
                    targets: z.array(z.string()),
                  }),
                )
                .describe(
                  'Every level after the first, with its delay: the whole path',
                ),
              warnings: z
                .array(z.string())
                .describe(
                  'What to distrust in the answer, e.g. a pager that did not answer',
                ),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Who is on call for the orders service?',
        input: { query: 'orders' },
      },
      {
        title: 'Whom to page for one entity',
        input: { entityRef: 'component:default/payments-service' },
      },
    ],
    action: async ({ input, credentials }) => {
      if (Boolean(input.entityRef) === Boolean(input.query)) {
        throw new InputError(
          'Give either entityRef (an entity ref) or query (free text), not both or neither',
        );
      }
      if (input.entityRef) {
        const ref = entityRefInput(input.entityRef);
        const answer = await escalation.getEscalation(
          ref,
          new Date(),
          credentials,
        );
        return {
          output: {
            matches: [
              {
                entityRef: answer.entityRef,
                title: parseEntityRef(answer.entityRef).name,
                owner: answer.owner
                  ? { ref: answer.owner.ref, title: answer.owner.title }
                  : null,
                onCall: answer.onCall.map(
                  ({ level, userRef, displayName, until }) => ({
                    level,
                    userRef,
                    displayName,
                    until,
                  }),
                ),
                next: nextEscalation(answer).next,
                contacts: answer.contacts,
                levels: laterLevels(answer.levels),
                warnings: answer.warnings,
              },
            ],
          },
        };
      }
      const found = await escalation.lookup(
        input.query!,
        ACTION_LIMITS.matches,
        credentials,
      );
      return {
        output: {
          matches: found.items.map(item => ({
            entityRef: item.entityRef,
            title: item.title,
            owner: item.owner,
            onCall: item.onCall.map(
              ({ level, userRef, displayName, until }) => ({
                level,
                userRef,
                displayName,
                until,
              }),
            ),
            next: item.escalateNext.next,
            contacts: item.contacts,
            // The lookup answers the first step; ask again with its entityRef for the path.
            levels: item.escalateNext.next
              ? [
                  {
                    level: item.escalateNext.next.level,
                    delayMinutes: item.escalateNext.next.delayMinutes,
                    targets: item.escalateNext.next.targets,
                  },
                ]
              : [],
            warnings: [],
          })),
        },
      };
    },
  });
}
