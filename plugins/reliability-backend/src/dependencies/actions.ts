import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  ACTION_LIMITS,
  EVIDENCE_KINDS,
  parseObservationBatch,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  ENTITY_REF_DESCRIPTION,
  entityRefInput,
} from '../actions/entityRefInput';
import { authorizeObservationWrite } from './authorizeObservationWrite';
import { DependencyService } from './DependencyService';

/**
 * `get-dependencies`, `get-impact` and `record-dependency-observation`: the dependency routes'
 * answers, cut to `limit` entities with `truncated`, and the observation write under the
 * route's rule.
 */
export function registerDependencyActions(
  registry: ActionsRegistryService,
  dependencies: DependencyService,
  permissions: PermissionsService,
) {
  registry.register({
    name: 'get-dependencies',
    title: 'Dependencies of an entity',
    description:
      'What an entity depends on and what depends on it, one hop away: edges declared in the catalog, edges observed in traffic or incidents, hidden ones (observed, never declared: they surprise people in outages), declared ones not observed lately, and observed names the catalog lacks. Answers counts and at most `limit` edges.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().max(255).describe(ENTITY_REF_DESCRIPTION),
          limit: z
            .number()
            .int()
            .min(1)
            .max(ACTION_LIMITS.entitiesMax)
            .default(ACTION_LIMITS.entitiesDefault)
            .describe('The most edges to answer'),
        }),
      output: z =>
        z.object({
          counts: z.object({
            declared: z.number(),
            observed: z.number(),
            hidden: z.number(),
            unobserved: z.number(),
            unknown: z.number(),
          }),
          edges: z.array(
            z.object({
              source: z.string(),
              target: z.string(),
              direction: z.enum(['upstream', 'downstream']),
              kind: z.enum([
                'hidden',
                'unobserved',
                'unknown',
                'declared',
                'observed',
              ]),
              evidence: z.array(z.string()),
            }),
          ),
          truncated: z.boolean(),
        }),
    },
    examples: [
      {
        title: 'What does the orders service depend on?',
        input: { entityRef: 'component:default/orders-service', limit: 20 },
      },
    ],
    action: async ({ input, credentials }) => {
      const answer = await dependencies.getDependencies(
        entityRefInput(input.entityRef),
        credentials,
      );
      // Each edge once, under the kind that matters most in an outage.
      const seen = new Set<string>();
      const edges = (
        [
          ['hidden', answer.hidden],
          ['unobserved', answer.unobserved],
          ['unknown', answer.unknown],
          ['declared', answer.declared],
          ['observed', answer.observed],
        ] as const
      ).flatMap(([kind, list]) =>
        list.flatMap(edge => {
          const key = `${edge.source}>${edge.target}`;
          if (seen.has(key)) return [];
          seen.add(key);
          return [
            {
              source: edge.source,
              target: edge.target,
              direction: edge.direction,
              kind,
              evidence: edge.evidence.map(e => e.kind),
            },
          ];
        }),
      );
      return {
        output: {
          counts: {
            declared: answer.declared.length,
            observed: answer.observed.length,
            hidden: answer.hidden.length,
            unobserved: answer.unobserved.length,
            unknown: answer.unknown.length,
          },
          edges: edges.slice(0, input.limit),
          truncated: edges.length > input.limit,
        },
      };
    },
  });

  registry.register({
    name: 'get-impact',
    title: 'Impact: what breaks if an entity fails',
    description:
      'What breaks (downstream: everything that depends on it, transitively) or the suspects (upstream: what it depends on) if an entity fails or changes, through declared and observed edges. Answers a summary (how many entities, their owners, how many have spent their error budget, how many are reached only through hidden edges) and at most `limit` entities nearest first, each with owner, who is on call and SLO state, with `truncated` when cut.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().max(255).describe(ENTITY_REF_DESCRIPTION),
          direction: z
            .enum(['downstream', 'upstream'])
            .default('downstream')
            .describe(
              'downstream: what depends on it; upstream: what it depends on',
            ),
          maxDepth: z
            .number()
            .int()
            .min(1)
            .max(dependencies.settings.maxDepth)
            .optional()
            .describe('How many hops to follow; all allowed by default'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(ACTION_LIMITS.entitiesMax)
            .default(ACTION_LIMITS.entitiesDefault)
            .describe('The most entities to answer'),
        }),
      output: z =>
        z.object({
          summary: z.object({
            entities: z.number(),
            owners: z.array(z.object({ ref: z.string(), count: z.number() })),
            frozen: z.number(),
            hidden: z.number(),
          }),
          entities: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              depth: z.number(),
              via: z.string(),
              owner: z.string().nullable(),
              onCall: z.array(z.string()),
              sloState: z.string().nullable(),
            }),
          ),
          truncated: z.boolean(),
        }),
    },
    examples: [
      {
        title: 'What breaks if the config service goes down?',
        input: {
          entityRef: 'component:default/config-service',
          direction: 'downstream',
          limit: 50,
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const impact = await dependencies.getImpact(
        {
          root: entityRefInput(input.entityRef),
          direction: input.direction,
          maxDepth: input.maxDepth ?? dependencies.settings.maxDepth,
          include: { declared: true, observed: true },
          limit: input.limit,
        },
        credentials,
      );
      return {
        output: {
          summary: {
            entities: impact.summary.entities,
            owners: impact.summary.owners.slice(0, input.limit),
            frozen: impact.summary.frozen,
            hidden: impact.summary.hidden,
          },
          entities: impact.impacted.map(item => ({
            entityRef: item.entityRef,
            title: item.title,
            depth: item.depth,
            via: item.via,
            owner: item.owner?.title ?? null,
            onCall: item.onCall?.map(o => o.displayName) ?? [],
            sloState: item.slo?.state ?? null,
          })),
          truncated: impact.truncated || impact.cursor !== null,
        },
      };
    },
  });

  registry.register({
    name: 'record-dependency-observation',
    title: 'Record an observed dependency',
    description: `Records that one entity was seen depending on another (source depends on target), as POST /observations does: evidence ${EVIDENCE_KINDS.join(
      ', ',
    )}. Services may always; people need the reliability.observation.create permission. An undeclared edge then shows as a hidden dependency.`,
    // A repeat raises the edge's count and its last-seen time.
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          source: z
            .string()
            .max(255)
            .describe(`The dependent. ${ENTITY_REF_DESCRIPTION}`),
          target: z
            .string()
            .max(255)
            .describe('What it depends on, an entity ref'),
          evidence: z.enum(EVIDENCE_KINDS).default('manual'),
          detail: z
            .string()
            .max(255)
            .optional()
            .describe('Where it was seen, e.g. a trace id or a test name'),
        }),
      output: z => z.object({ recorded: z.number() }),
    },
    examples: [
      {
        title: 'The settlement batch was seen reading the shared test database',
        input: {
          source: 'component:default/settlement-batch',
          target: 'resource:default/shared-test-db',
          evidence: 'manual',
        },
        output: { recorded: 1 },
      },
    ],
    action: async ({ input, credentials }) => {
      await authorizeObservationWrite(permissions, credentials);
      // The route's own validation: the same refs, names and bounds.
      const parsed = parseObservationBatch({ edges: [input] });
      if (parsed.error !== undefined) {
        // The route names the edge in its batch; the action has one, named by its fields.
        throw new InputError(parsed.error.replace(/^edges\[0\]\./, ''));
      }
      await dependencies.record(parsed.edges);
      return { output: { recorded: parsed.edges.length } };
    },
  });
}
