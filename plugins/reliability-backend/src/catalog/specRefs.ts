import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * A full entity ref from a spec field that is often written loosely (`payments` for
 * `group:default/payments`), resolved against `defaultKind` and the entity's namespace.
 */
function specRefOf(
  entity: Entity,
  field: 'owner' | 'parent',
  defaultKind: string,
): string | undefined {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The full ref of an entity's `spec.owner`. */
export function ownerRefOf(entity: Entity): string | undefined {
  return specRefOf(entity, 'owner', 'group');
}

/** The full ref of a group's `spec.parent`. */
export function parentRefOf(group: Entity): string | undefined {
  return specRefOf(group, 'parent', 'group');
}
