import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  ESCALATION_POLICY_KIND,
  OPENSLO_API_VERSION,
  RELATION_HAS_SLO,
  RELATION_SLO_OF,
  RELIABILITY_API_VERSION,
  resolveSloEntityRef,
  SLI_KIND,
  SLO_KIND,
  validateEscalationPolicy,
  validateSli,
  validateSlo,
  ValidationProblems,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { normalizeLabels } from './normalizeLabels';

type KindValidator = (spec: unknown) => ValidationProblems;

const validators: Record<string, Record<string, KindValidator>> = {
  [OPENSLO_API_VERSION]: { [SLO_KIND]: validateSlo, [SLI_KIND]: validateSli },
  [RELIABILITY_API_VERSION]: {
    [ESCALATION_POLICY_KIND]: validateEscalationPolicy,
  },
};

function isOpenSlo(entity: Entity): boolean {
  return entity.apiVersion === OPENSLO_API_VERSION;
}

/**
 * Makes OpenSLO `SLO` and `SLI` documents and the suite's `EscalationPolicy` valid catalog
 * entities. A malformed one is rejected with every problem found; the catalog reports that on
 * the entity alone (the unprocessed-entities page shows it), and the rest of its location loads.
 * An SLO is related to the entity it is for, both ways (`sloOf` and `hasSlo`).
 */
export class ReliabilityEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'ReliabilityEntitiesProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    // OpenSLO allows list-valued labels; Backstage labels are single strings.
    if (!isOpenSlo(entity) || !entity.metadata.labels) {
      return entity;
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        labels: normalizeLabels(
          entity.metadata.labels as Record<string, unknown>,
        ),
      },
    };
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    const validate = validators[entity.apiVersion]?.[entity.kind];
    if (!validate) {
      return false;
    }
    const problems = validate(entity.spec);
    if (problems.length > 0) {
      throw new InputError(
        `Invalid ${entity.kind} "${entity.metadata.name}": ${problems.join(
          '; ',
        )}`,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (
      entity.apiVersion === RELIABILITY_API_VERSION &&
      entity.kind === ESCALATION_POLICY_KIND
    ) {
      this.emitPolicyOwnership(entity, emit);
      return entity;
    }
    if (!isOpenSlo(entity) || entity.kind !== SLO_KIND) {
      return entity;
    }
    const service = (entity.spec as { service?: unknown } | undefined)?.service;
    const entityRef =
      typeof service === 'string'
        ? resolveSloEntityRef(service, entity.metadata.namespace ?? 'default')
        : undefined;
    if (!entityRef) {
      return entity;
    }
    const slo = getCompoundEntityRef(entity);
    const target = parseEntityRef(entityRef);
    emit(
      processingResult.relation({ source: slo, type: RELATION_SLO_OF, target }),
    );
    emit(
      processingResult.relation({
        source: target,
        type: RELATION_HAS_SLO,
        target: slo,
      }),
    );
    return entity;
  }

  // The owning group's page lists its policies, and the backend finds a group's policies
  // through the catalog's relation index.
  private emitPolicyOwnership(entity: Entity, emit: CatalogProcessorEmit) {
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    if (typeof owner !== 'string') {
      return;
    }
    let target;
    try {
      target = parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      });
    } catch {
      return;
    }
    const policy = getCompoundEntityRef(entity);
    emit(
      processingResult.relation({
        source: policy,
        type: RELATION_OWNED_BY,
        target,
      }),
    );
    emit(
      processingResult.relation({
        source: target,
        type: RELATION_OWNER_OF,
        target: policy,
      }),
    );
  }
}
