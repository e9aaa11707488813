import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { RELEASE_GATE_STATES_TEXT } from '../actions/actionWords';
import {
  ENTITY_REF_DESCRIPTION,
  entityRefInput,
} from '../actions/entityRefInput';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { requireEntity } from '../http/entityPath';
import { SloService } from './SloService';

/** `get-slo-status`: each objective of the entity's SLOs and the release gate, as the routes answer. */
export function registerSloActions(
  registry: ActionsRegistryService,
  slos: SloService,
  catalog: CatalogService,
) {
  registry.register({
    name: 'get-slo-status',
    title: 'SLO status and release gate',
    description: `Whether a service is burning its error budget: each SLO objective's state (ok, warning, freeze, no-data, error, pending), its SLI against the target, the share of error budget left (1 is all, below 0 overspent), which burn-rate alerts fire, and the release gate (${RELEASE_GATE_STATES_TEXT}) that says whether releases should stop.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().max(255).describe(ENTITY_REF_DESCRIPTION),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          releaseGate: z.string(),
          reasons: z.array(z.string()),
          objectives: z.array(
            z.object({
              slo: z.string(),
              title: z.string(),
              objective: z.string().nullable(),
              state: z.string(),
              stale: z.boolean(),
              sli: z.number().nullable(),
              target: z.number(),
              window: z.string(),
              errorBudgetRemaining: z.number().nullable(),
              firingAlerts: z.array(z.string()),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Is the orders service burning its budget?',
        input: { entityRef: 'component:default/orders-service' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = entityRefInput(input.entityRef);
      // As the routes: an entity the caller may not read, or that does not exist, is not found.
      await requireEntity(catalog, ref, credentials);
      const [items, gate] = await Promise.all([
        slos.listEntitySlos(ref, credentials),
        slos.getReleaseGate(ref, credentials),
      ]);
      return {
        output: {
          entityRef: ref,
          releaseGate: gate.state,
          reasons: gate.reasons,
          objectives: items.map(item => ({
            slo: item.ref,
            title: item.title,
            objective: item.objectiveName,
            state: item.status.state,
            stale: item.status.stale,
            sli: item.status.sli,
            target: item.target,
            window: item.timeWindow.duration,
            errorBudgetRemaining: item.status.errorBudget.remaining,
            firingAlerts: item.status.alerts
              .filter(alert => alert.firing)
              .map(
                alert =>
                  `${alert.severity} ${alert.longWindow}/${
                    alert.shortWindow
                  } above ${Number(alert.factor.toPrecision(3))}x`,
              ),
          })),
        },
      };
    },
  });
}
