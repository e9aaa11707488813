import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ISO_TIME_RULE,
  isAheadOfClock,
  parseIsoDateTime,
} from '../time/isoTime';
import { isNonEmptyString, isRecord, quoteExcerpt } from '../validation';

/** How a dependency was observed. */
export const EVIDENCE_KINDS = [
  'traffic',
  'incident',
  'probe',
  'manual',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Most edges one request may carry. */
export const MAX_OBSERVATIONS_PER_REQUEST = 10_000;

/** The fields an edge of a batch may have. */
const EDGE_FIELDS = [
  'source',
  'target',
  'evidence',
  'detail',
  'observedAt',
] as const;

/** How long an observation's detail may be: a query, a port or an incident's title. */
export const DETAIL_LIMIT = 255;

/** One observed edge, normalized: full entity refs, a detail ('' when none) and a time. */
export type ObservedEdge = {
  source: string;
  target: string;
  evidence: EvidenceKind;
  detail: string;
  observedAt: Date;
};

export type ObservationBatchResult =
  | { edges: ObservedEdge[]; error?: undefined }
  | { edges?: undefined; error: string };

const validator = makeValidator();

/** A ref the catalog could hold: a valid kind, namespace and name (at most 63 characters). */
function normalizeRef(value: unknown): string | undefined {
  if (!isNonEmptyString(value) || value.length > 255) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(value.trim(), { defaultNamespace: 'default' });
    const valid =
      validator.isValidKind(ref.kind) &&
      validator.isValidNamespace(ref.namespace) &&
      validator.isValidEntityName(ref.name);
    return valid ? stringifyEntityRef(ref) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads `{ edges: [ { source, target, evidence, detail?, observedAt? } ] }`. The first bad edge
 * fails the whole batch, named by its position and field (`edges[2].source: …`), so that nothing
 * of a bad batch is written.
 */
export function parseObservationBatch(
  body: unknown,
  now: Date = new Date(),
): ObservationBatchResult {
  if (!isRecord(body) || !Array.isArray(body.edges)) {
    return {
      error: 'the body must be { edges: [ { source, target, evidence } ] }',
    };
  }
  const unknownKey = Object.keys(body).find(key => key !== 'edges');
  if (unknownKey !== undefined) {
    return {
      error: `${quoteExcerpt(
        unknownKey,
      )} is not a field of the body; it holds edges only`,
    };
  }
  if (body.edges.length > MAX_OBSERVATIONS_PER_REQUEST) {
    return {
      error: `at most ${MAX_OBSERVATIONS_PER_REQUEST} edges per request, got ${body.edges.length}`,
    };
  }
  const edges: ObservedEdge[] = [];
  for (const [i, raw] of body.edges.entries()) {
    const field = `edges[${i}]`;
    if (!isRecord(raw)) {
      return { error: `${field} must be an object` };
    }
    const unknownField = Object.keys(raw).find(
      key => !(EDGE_FIELDS as readonly string[]).includes(key),
    );
    if (unknownField !== undefined) {
      return {
        error: `${field}: ${quoteExcerpt(
          unknownField,
        )} is not a field of an edge (${EDGE_FIELDS.join(', ')})`,
      };
    }
    const source = normalizeRef(raw.source);
    if (!source) {
      return {
        error: `${field}.source: ${quoteExcerpt(
          raw.source,
        )} is not an entity ref such as component:default/orders-service (a name has at most 63 characters)`,
      };
    }
    const target = normalizeRef(raw.target);
    if (!target) {
      return {
        error: `${field}.target: ${quoteExcerpt(
          raw.target,
        )} is not an entity ref such as resource:default/orders-db`,
      };
    }
    if (source === target) {
      return {
        error: `${field}.target: ${target} is its own source; an entity does not depend on itself`,
      };
    }
    if (!EVIDENCE_KINDS.includes(raw.evidence as EvidenceKind)) {
      return {
        error: `${field}.evidence: ${quoteExcerpt(
          raw.evidence,
        )} is not one of ${EVIDENCE_KINDS.join(', ')}`,
      };
    }
    if (raw.detail !== undefined && typeof raw.detail !== 'string') {
      return { error: `${field}.detail must be text` };
    }
    if (typeof raw.detail === 'string' && raw.detail.length > DETAIL_LIMIT) {
      return {
        error: `${field}.detail: must be at most ${DETAIL_LIMIT} characters, got ${raw.detail.length}`,
      };
    }
    let observedAt = now;
    if (raw.observedAt !== undefined) {
      const parsed =
        typeof raw.observedAt === 'string'
          ? parseIsoDateTime(raw.observedAt)
          : { problem: 'not a text' };
      if (!parsed.value) {
        return {
          error: `${field}.observedAt: ${quoteExcerpt(
            raw.observedAt,
          )} is not ${ISO_TIME_RULE}: ${parsed.problem}`,
        };
      }
      if (isAheadOfClock(parsed.value, now)) {
        return {
          error: `${field}.observedAt: ${quoteExcerpt(
            raw.observedAt,
          )} is in the future; record what was seen`,
        };
      }
      observedAt = parsed.value;
    }
    edges.push({
      source,
      target,
      evidence: raw.evidence as EvidenceKind,
      detail: (raw.detail ?? '').slice(0, 255),
      observedAt,
    });
  }
  return { edges };
}
