import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ISO_TIME_RULE, parseIsoDateTime } from '../time/isoTime';
import { isNonEmptyString, isRecord } from '../validation';

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

/** Clocks differ: an observation may be this far ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

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
    const source = normalizeRef(raw.source);
    if (!source) {
      return {
        error: `${field}.source: ${JSON.stringify(
          raw.source,
        )} is not an entity ref such as component:default/orders-service (a name has at most 63 characters)`,
      };
    }
    const target = normalizeRef(raw.target);
    if (!target) {
      return {
        error: `${field}.target: ${JSON.stringify(
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
        error: `${field}.evidence: ${JSON.stringify(
          raw.evidence,
        )} is not one of ${EVIDENCE_KINDS.join(', ')}`,
      };
    }
    if (raw.detail !== undefined && typeof raw.detail !== 'string') {
      return { error: `${field}.detail must be text` };
    }
    let observedAt = now;
    if (raw.observedAt !== undefined) {
      const parsed =
        typeof raw.observedAt === 'string'
          ? parseIsoDateTime(raw.observedAt)
          : { problem: 'not a text' };
      if (!parsed.value) {
        return {
          error: `${field}.observedAt: ${JSON.stringify(
            raw.observedAt,
          )} is not ${ISO_TIME_RULE}: ${parsed.problem}`,
        };
      }
      if (parsed.value.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        return {
          error: `${field}.observedAt: ${raw.observedAt} is in the future; record what was seen`,
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
