import { Entity } from '@backstage/catalog-model';

const RELIABILITY_KINDS = ['component', 'resource', 'system'];

/**
 * Whether the Reliability tab applies to an entity: the things that run and can fail
 * (components, resources, systems). For `EntitySwitch` and the `/alpha` content filter.
 *
 * @public
 */
export function isReliabilityAvailable(entity: Entity): boolean {
  return RELIABILITY_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}
