import {
  ACTION_ITEM_CATEGORIES,
  ACTION_ITEM_STATUSES,
  INCIDENT_CAUSES,
  INCIDENT_ENTITY_ROLES,
  INCIDENT_LIST_LIMITS,
  INCIDENT_MITIGATIONS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_TEXT_LIMITS,
  isAheadOfClock,
  TIMELINE_ENTRY_KINDS,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { z } from 'zod';
import { IncidentFields } from './IncidentStore';
import {
  entityRef as anyEntityRef,
  expected,
  oneOf,
  optionalText,
  text,
  webUrl as anyWebUrl,
} from '../http/bodySchemas';
import { isoTimeQuery as isoTime } from '../http/parseQuery';

const LIMITS = INCIDENT_TEXT_LIMITS;

const entityRef = (defaultKind?: string) =>
  anyEntityRef(LIMITS.entityRef, defaultKind);
const webUrl = anyWebUrl(LIMITS.url);

/** A time the incident has reached: not more than the clock skew ahead of the server. */
const pastTime = isoTime.refine(
  time => !isAheadOfClock(time),
  'is in the future; an incident records what has happened',
);

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-31')
  .refine(value => {
    const date = new Date(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
    );
  }, 'must be a date that exists');

const incidentEntity = z
  .object({ entityRef: entityRef(), role: oneOf(INCIDENT_ENTITY_ROLES) })
  .strict();

const incidentFields = {
  title: text(LIMITS.title),
  severity: oneOf(INCIDENT_SEVERITIES),
  status: oneOf(INCIDENT_STATUSES),
  cause: oneOf(INCIDENT_CAUSES),
  startedAt: pastTime,
  detectedAt: pastTime.nullish(),
  declaredAt: pastTime.nullish(),
  mitigatedAt: pastTime.nullish(),
  resolvedAt: pastTime.nullish(),
  mitigation: oneOf(INCIDENT_MITIGATIONS).nullish(),
  commander: entityRef('user').nullish(),
  summary: optionalText(LIMITS.summary),
  impact: optionalText(LIMITS.impact),
  channel: optionalText(LIMITS.channel),
  entities: z
    .array(incidentEntity, { error: expected('a list') })
    .min(1, 'must name at least one entity')
    .max(
      INCIDENT_LIST_LIMITS.entities,
      `must name at most ${INCIDENT_LIST_LIMITS.entities} entities`,
    )
    .superRefine((entities, context) => {
      const seen = new Set<string>();
      entities.forEach((entity, i) => {
        if (seen.has(entity.entityRef)) {
          context.addIssue({
            code: 'custom',
            path: [i, 'entityRef'],
            message: `${entity.entityRef} is listed twice`,
          });
        }
        seen.add(entity.entityRef);
      });
    }),
  externalRefs: z
    .array(
      z
        .object({
          system: text(LIMITS.externalSystem),
          id: text(LIMITS.externalId),
          url: webUrl.optional(),
        })
        .strict(),
      { error: expected('a list') },
    )
    .max(
      INCIDENT_LIST_LIMITS.externalRefs,
      `must hold at most ${INCIDENT_LIST_LIMITS.externalRefs} references`,
    )
    .superRefine((refs, context) => {
      const seen = new Set<string>();
      refs.forEach((ref, i) => {
        const key = JSON.stringify([ref.system, ref.id]);
        if (seen.has(key)) {
          context.addIssue({
            code: 'custom',
            path: [i],
            message: `${ref.system} ${ref.id} is named twice`,
          });
        }
        seen.add(key);
      });
    })
    .optional(),
};

/** `POST /incidents`. */
export const incidentInputSchema = z.object(incidentFields).strict();

/** `PATCH /incidents/:id`: the version read and any of the fields. */
export const incidentPatchSchema = z
  .object({
    version: z
      .number({
        error: issue =>
          issue.input === undefined
            ? 'is required: the version you read'
            : 'must be a number',
      })
      .int()
      .min(1),
    ...Object.fromEntries(
      Object.entries(incidentFields).map(([key, schema]) => [
        key,
        key === 'title' ||
        key === 'severity' ||
        key === 'status' ||
        key === 'cause' ||
        key === 'startedAt' ||
        key === 'entities'
          ? (schema as z.ZodTypeAny).optional()
          : schema,
      ]),
    ),
  })
  .strict();

/** `POST /incidents/:id/timeline`. */
export const timelineEntrySchema = z
  .object({
    at: pastTime.optional(),
    kind: oneOf(TIMELINE_ENTRY_KINDS),
    text: text(LIMITS.timelineText),
  })
  .strict();

const actionItem = z
  .object({
    text: text(LIMITS.actionItemText),
    category: oneOf(ACTION_ITEM_CATEGORIES),
    owner: entityRef('group'),
    dueDate: calendarDate.nullish(),
    status: oneOf(ACTION_ITEM_STATUSES),
    link: webUrl.nullish(),
  })
  .strict();

/** `PUT /incidents/:id/postmortem`. */
export const postmortemSchema = z
  .object({
    version: z
      .number({ error: expected('a number') })
      .int()
      .min(1)
      .optional(),
    symptom: text(LIMITS.postmortemPart),
    response: text(LIMITS.postmortemPart),
    cause: text(LIMITS.postmortemPart),
    trigger: optionalText(LIMITS.postmortemPart),
    detection: optionalText(LIMITS.postmortemPart),
    wentWell: optionalText(LIMITS.postmortemPart),
    wentWrong: optionalText(LIMITS.postmortemPart),
    gotLucky: optionalText(LIMITS.postmortemPart),
    actionItems: z
      .array(actionItem, { error: expected('a list') })
      .max(
        INCIDENT_LIST_LIMITS.actionItems,
        `must hold at most ${INCIDENT_LIST_LIMITS.actionItems} items`,
      ),
  })
  .strict();

/** The checked fields of a declaration, with absent optional ones as null. */
export function toFields(
  body: z.infer<typeof incidentInputSchema>,
): IncidentFields {
  return {
    ...body,
    detectedAt: body.detectedAt ?? null,
    declaredAt: body.declaredAt ?? null,
    mitigatedAt: body.mitigatedAt ?? null,
    resolvedAt: body.resolvedAt ?? null,
    mitigation: body.mitigation ?? null,
    commander: body.commander ?? null,
    summary: body.summary ?? null,
    impact: body.impact ?? null,
    channel: body.channel ?? null,
    externalRefs: body.externalRefs ?? [],
  };
}
