import { Entity } from '@backstage/catalog-model';
import {
  isRunningKind,
  RELATION_HAS_SLO,
} from '@reliability-suite/backstage-plugin-reliability-common';

/**
 * Whether the Reliability tab applies to an entity: the things that run and can fail
 * (components, resources, systems). For `EntitySwitch` and the `/alpha` content filter.
 *
 * @public
 */
export function isReliabilityAvailable(entity: Entity): boolean {
  return isRunningKind(entity.kind);
}

/**
 * Whether an entity has SLOs: an OpenSLO `SLO` names it in `spec.service` (the catalog module
 * relates them with `hasSlo`). For `EntitySwitch` and the `/alpha` SLOs tab filter.
 *
 * @public
 */
export function isSloAvailable(entity: Entity): boolean {
  return (entity.relations ?? []).some(
    relation => relation.type === RELATION_HAS_SLO,
  );
}
