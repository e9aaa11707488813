import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import {
  ACTION_LIMITS,
  INCIDENT_CAUSES,
  INCIDENT_ENTITY_ROLES,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_TEXT_LIMITS,
  TIMELINE_ENTRY_KINDS,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  ENTITY_REF_DESCRIPTION,
  entityRefInput,
} from '../actions/entityRefInput';
import { auditedWrites } from '../http/audited';
import { parseBody } from '../http/parseBody';
import {
  incidentInputSchema,
  timelineEntrySchema,
  toFields,
} from './incidentSchemas';
import { IncidentService } from './IncidentService';

const incidentOutput = (z: any) =>
  z
    .object({
      id: z.number(),
      title: z.string(),
      severity: z.string(),
      status: z.string(),
      cause: z.string(),
      startedAt: z.string(),
      resolvedAt: z.string().nullable(),
      channel: z.string().nullable(),
      entities: z.array(z.object({ entityRef: z.string(), role: z.string() })),
    })
    .passthrough();

/**
 * `list-incidents`, `get-incident`, `declare-incident` and `add-incident-timeline-entry`: the
 * incident routes' answers and writes, through the same service, rules and body schemas.
 */
export function registerIncidentActions(
  registry: ActionsRegistryService,
  incidents: IncidentService,
  auditor: AuditorService,
) {
  // The routes' audit events; an action has no HTTP request of its own.
  const audited = auditedWrites(auditor);

  registry.register({
    name: 'list-incidents',
    title: 'List incidents',
    description:
      "Incidents newest first: the open ones across the portal (status open), or one entity's history. Each with severity (SEV1 worst), status, cause, start and resolution times and the entities involved; only incidents the caller may read.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .max(255)
            .optional()
            .describe(
              `Only this entity's incidents. ${ENTITY_REF_DESCRIPTION}`,
            ),
          status: z
            .enum(['open', ...INCIDENT_STATUSES])
            .optional()
            .describe('open: any status but resolved'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(ACTION_LIMITS.incidentsMax)
            .default(ACTION_LIMITS.incidentsDefault),
          cursor: z
            .string()
            .max(500)
            .optional()
            .describe('The cursor of a previous answer, to read on'),
        }),
      output: z =>
        z.object({
          incidents: z.array(incidentOutput(z)),
          cursor: z
            .string()
            .nullable()
            .describe(
              'Set when more may follow (a page can hold fewer than limit when some are not readable): pass it to read on',
            ),
        }),
    },
    examples: [
      {
        title: 'Which incidents are open?',
        input: { status: 'open', limit: ACTION_LIMITS.incidentsDefault },
      },
    ],
    action: async ({ input, credentials }) => {
      const query = {
        status: input.status,
        limit: input.limit,
        cursor: input.cursor,
      };
      const page = input.entityRef
        ? await incidents.listForEntity(
            entityRefInput(input.entityRef),
            query,
            credentials,
          )
        : await incidents.list(query, credentials);
      return { output: { incidents: page.items, cursor: page.cursor } };
    },
  });

  registry.register({
    name: 'get-incident',
    title: 'Get an incident and its postmortem',
    description:
      'One incident with its facts (times detected, declared, mitigated, resolved; commander; channel; entities) and its blameless postmortem when written: symptom, response, cause and action items.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ id: z.number().int().min(1) }),
      output: z =>
        z.object({
          incident: incidentOutput(z),
          postmortem: z.object({}).passthrough().nullable(),
        }),
    },
    examples: [{ title: 'What happened in incident 3?', input: { id: 3 } }],
    action: async ({ input, credentials }) => {
      const incident = await incidents.get(input.id, credentials);
      const postmortem = await incidents
        .getPostmortem(input.id, credentials)
        .catch(error => {
          if (error instanceof NotFoundError) return null;
          throw error;
        });
      return { output: { incident, postmortem } };
    },
  });

  registry.register({
    name: 'declare-incident',
    title: 'Declare an incident',
    description:
      "Declares an incident, as the portal's Declare incident does: a title saying what users see, a severity (SEV1 worst … SEV4), the root-cause and affected entities. The caller becomes its creator; any signed-in user may declare unless the organisation's policy denies reliability.incident.create. Times are ISO-8601 with a zone; startedAt defaults to now.",
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          title: z.string().max(INCIDENT_TEXT_LIMITS.title),
          severity: z.enum(INCIDENT_SEVERITIES),
          status: z.enum(INCIDENT_STATUSES).default('investigating'),
          cause: z.enum(INCIDENT_CAUSES).default('unknown'),
          startedAt: z
            .string()
            .optional()
            .describe('ISO-8601; defaults to now'),
          summary: z.string().max(INCIDENT_TEXT_LIMITS.summary).optional(),
          impact: z.string().max(INCIDENT_TEXT_LIMITS.impact).optional(),
          channel: z.string().max(INCIDENT_TEXT_LIMITS.channel).optional(),
          entities: z
            .array(
              z.object({
                entityRef: z.string().max(255).describe(ENTITY_REF_DESCRIPTION),
                role: z.enum(INCIDENT_ENTITY_ROLES),
              }),
            )
            .min(1),
        }),
      output: z => z.object({ incident: incidentOutput(z) }),
    },
    examples: [
      {
        title: 'Declare a SEV2 on the web storefront',
        input: {
          title: 'Checkout fails for some customers',
          severity: 'SEV2',
          status: 'investigating',
          cause: 'unknown',
          entities: [
            { entityRef: 'component:default/web-storefront', role: 'affected' },
          ],
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const now = new Date().toISOString();
      const startedAt = input.startedAt ?? now;
      // The route's own schema: the same bounds, times and messages. Declared now, unless it
      // is said to start later (then the start's problem is the one named).
      const body = parseBody(incidentInputSchema, {
        ...input,
        startedAt,
        declaredAt: startedAt > now ? startedAt : now,
      });
      const incident = await audited(
        undefined,
        'incident-create',
        { via: 'action' },
        () => incidents.declare(toFields(body), credentials),
        created => ({
          incidentId: created.id,
          severity: created.severity,
          entities: created.entities.map(e => e.entityRef),
        }),
      );
      return { output: { incident } };
    },
  });

  registry.register({
    name: 'add-incident-timeline-entry',
    title: "Add to an incident's timeline",
    description:
      "Adds one entry to an incident's timeline (a note, an action taken, an alert, a change), at now unless `at` is given. Allowed to the incident's creator, its commander, members of the owners of the entities it involves and of the responder groups.",
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          incidentId: z.number().int().min(1),
          text: z.string().max(INCIDENT_TEXT_LIMITS.timelineText),
          kind: z
            .enum(
              TIMELINE_ENTRY_KINDS.filter(k => k !== 'status-change') as [
                string,
                ...string[],
              ],
            )
            .default('note'),
          at: z.string().optional().describe('ISO-8601; defaults to now'),
        }),
      output: z =>
        z.object({
          entry: z
            .object({ id: z.number(), at: z.string(), author: z.string() })
            .passthrough(),
        }),
    },
    examples: [
      {
        title: 'Note that the rollback finished',
        input: {
          incidentId: 3,
          text: 'Rolled back to the previous release; errors are falling',
          kind: 'action',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const { incidentId, ...entry } = input;
      const parsed = parseBody(timelineEntrySchema, entry);
      const added = await audited(
        undefined,
        'incident-timeline-add',
        { incidentId, via: 'action' },
        () => incidents.addTimelineEntry(incidentId, parsed, credentials),
        value => ({ incidentId, entryId: value.id }),
      );
      return { output: { entry: added } };
    },
  });
}
