import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  ESCALATION_POLICY_KIND,
  OPENSLO_API_VERSION,
  RELIABILITY_API_VERSION,
  SLI_KIND,
  SLO_KIND,
  validateEscalationPolicy,
  validateSli,
  validateSlo,
  ValidationProblems,
} from '@reliability-suite/backstage-plugin-reliability-common';

type KindValidator = (spec: unknown) => ValidationProblems;

const validators: Record<string, Record<string, KindValidator>> = {
  [OPENSLO_API_VERSION]: { [SLO_KIND]: validateSlo, [SLI_KIND]: validateSli },
  [RELIABILITY_API_VERSION]: {
    [ESCALATION_POLICY_KIND]: validateEscalationPolicy,
  },
};

/**
 * Makes OpenSLO `SLO` and `SLI` documents and the suite's `EscalationPolicy` valid catalog
 * entities. A malformed one is rejected with every problem found; the catalog reports that on
 * the entity alone (the unprocessed-entities page shows it), and the rest of its location loads.
 */
export class ReliabilityEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'ReliabilityEntitiesProcessor';
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
}
