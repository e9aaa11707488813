import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ENTITY_REF_DESCRIPTION,
  entityRefInput,
} from '../actions/entityRefInput';
import { RunbookService } from './RunbookService';

/** `get-runbooks`: the entity's runbooks and whether a recent drill proved each. */
export function registerRunbookActions(
  registry: ActionsRegistryService,
  runbooks: RunbookService,
) {
  registry.register({
    name: 'get-runbooks',
    title: 'Runbooks and their drills',
    description:
      "The procedures to mitigate a service's failures (its runbooks), what each covers (SLO and alert names), when each was last drilled and whether that drill passed: a runbook that is not fresh has not been proven recently and should not be relied on blindly.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().max(255).describe(ENTITY_REF_DESCRIPTION),
        }),
      output: z =>
        z.object({
          runbooks: z.array(
            z.object({
              title: z.string(),
              url: z.string(),
              covers: z.array(z.string()),
              lastDrill: z
                .object({
                  performedAt: z.string(),
                  outcome: z.string(),
                  minutesToMitigate: z.number().nullable(),
                })
                .nullable(),
              fresh: z.boolean(),
              reason: z.string(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'How do I mitigate the payments service?',
        input: { entityRef: 'component:default/payments-service' },
      },
    ],
    action: async ({ input, credentials }) => ({
      output: {
        runbooks: await runbooks.listRunbooks(
          entityRefInput(input.entityRef),
          credentials,
        ),
      },
    }),
  });
}
