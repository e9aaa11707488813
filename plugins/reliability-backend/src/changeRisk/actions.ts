import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { RELEASE_GATE_STATES_TEXT } from '../actions/actionWords';
import {
  ENTITY_REF_DESCRIPTION,
  entityRefInput,
} from '../actions/entityRefInput';
import { ChangeRiskService } from './ChangeRiskService';

/** `get-change-risk`: the change-risk report, as `GET /change-risk` answers it. */
export function registerChangeRiskActions(
  registry: ActionsRegistryService,
  changeRisk: ChangeRiskService,
) {
  registry.register({
    name: 'get-change-risk',
    title: 'Change risk before changing or stopping an entity',
    description: `What a change to a service, database or other entity risks: low, medium or high with one sentence per reason, the release gate (${RELEASE_GATE_STATES_TEXT}), how many entities depend on it, the owners to tell in advance with who is on call and their channel, dependents that rely on it without declaring it, dependents whose budget is spent, open incidents, and runbooks not proven by a recent drill. Each list holds at most 100, with counts beside.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().max(255).describe(ENTITY_REF_DESCRIPTION),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          risk: z.enum(['low', 'medium', 'high']),
          reasons: z.array(z.string()),
          releaseGate: z.string(),
          impacted: z.object({
            entities: z.number(),
            owners: z.array(z.object({ ref: z.string(), count: z.number() })),
            byDepth: z.record(z.number()),
            frozen: z.number(),
            truncated: z.boolean(),
          }),
          hiddenDependents: z.array(z.string()),
          notify: z.array(
            z.object({
              owner: z.string(),
              ownerTitle: z.string(),
              onCall: z.array(
                z.object({ userRef: z.string(), displayName: z.string() }),
              ),
              channel: z.string().nullable(),
            }),
          ),
          frozen: z.array(z.string()),
          openIncidents: z.array(z.number()),
          staleRunbooks: z.array(z.string()),
          counts: z.record(z.number()),
        }),
    },
    examples: [
      {
        title:
          'Is it safe to change the config service now, and whom do I tell?',
        input: { entityRef: 'component:default/config-service' },
      },
    ],
    action: async ({ input, credentials }) => ({
      output: await changeRisk.getReport(
        entityRefInput(input.entityRef),
        credentials,
      ),
    }),
  });
}
