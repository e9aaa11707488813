import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  OPENSLO_API_VERSION,
  parseSliSpec,
  parseSloSpec,
  RatioIndicator,
  resolveSloEntityRef,
  SLI_KIND,
  SloSpecDefinition,
} from '@reliability-suite/backstage-plugin-reliability-common';

/** An SLO entity as the suite evaluates it. */
export type SloDefinition = {
  ref: string;
  name: string;
  namespace: string;
  title: string;
  description: string | null;
  /** The entity the SLO is for. */
  entityRef: string | undefined;
  spec: SloSpecDefinition | undefined;
  /** The inline indicator, or the referenced SLI's. */
  indicator: RatioIndicator | undefined;
  /** Why the SLO cannot be evaluated, when it cannot. */
  problem: string | undefined;
};

/**
 * Reads an SLO entity, resolving `indicatorRef` through `findSli` (an SLI's name in the SLO's
 * namespace, or a full entity ref).
 */
export function toSloDefinition(
  entity: Entity,
  findSli: (ref: string) => Entity | undefined,
): SloDefinition {
  const namespace = entity.metadata.namespace ?? 'default';
  const base = {
    ref: stringifyEntityRef(entity),
    name: entity.metadata.name,
    namespace,
    // OpenSLO names its display name `metadata.displayName`; Backstage's own field is `title`.
    title:
      (typeof entity.metadata.displayName === 'string' &&
        entity.metadata.displayName) ||
      entity.metadata.title ||
      entity.metadata.name,
    description: entity.metadata.description ?? null,
  };
  const parsed = parseSloSpec(entity.spec);
  if (!parsed.value) {
    return {
      ...base,
      entityRef: undefined,
      spec: undefined,
      indicator: undefined,
      problem: `The SLO is invalid: ${parsed.problems.join('; ')}`,
    };
  }
  const spec = parsed.value;
  const entityRef = resolveSloEntityRef(spec.service, namespace);
  if (spec.indicator) {
    return {
      ...base,
      entityRef,
      spec,
      indicator: spec.indicator,
      problem: undefined,
    };
  }
  const sliRef = sliEntityRef(spec.indicatorRef!, namespace);
  const sli = sliRef ? findSli(sliRef) : undefined;
  if (!sli) {
    return {
      ...base,
      entityRef,
      spec,
      indicator: undefined,
      problem: `spec.indicatorRef "${spec.indicatorRef}" names no SLI in the catalog (looked for ${sliRef})`,
    };
  }
  const indicator = parseSliSpec(sli.spec);
  if (!indicator.value) {
    return {
      ...base,
      entityRef,
      spec,
      indicator: undefined,
      problem: `The SLI ${sliRef} is invalid: ${indicator.problems.join('; ')}`,
    };
  }
  return {
    ...base,
    entityRef,
    spec,
    indicator: indicator.value,
    problem: undefined,
  };
}

/** The SLI entity an SLO references with `spec.indicatorRef`, if it does. */
export function referencedSliRef(entity: Entity): string | undefined {
  const spec = parseSloSpec(entity.spec).value;
  return spec?.indicatorRef
    ? sliEntityRef(spec.indicatorRef, entity.metadata.namespace ?? 'default')
    : undefined;
}

function sliEntityRef(
  indicatorRef: string,
  namespace: string,
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(indicatorRef, {
        defaultKind: SLI_KIND,
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}

/** Whether an entity is an OpenSLO document of the given kind. */
export function isOpenSloKind(entity: Entity, kind: string): boolean {
  return entity.apiVersion === OPENSLO_API_VERSION && entity.kind === kind;
}
