import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** An action's entity ref in full (`kind:namespace/name`), or a 400 naming `field`. */
export function entityRefInput(value: string, field = 'entityRef'): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `${field}: must be an entity ref such as component:default/orders-service, got ${JSON.stringify(
        value,
      )}`,
    );
  }
}

/** The words an action's entity ref input is described with, for a model choosing values. */
export const ENTITY_REF_DESCRIPTION =
  'A catalog entity ref, kind:namespace/name, such as component:default/orders-service or resource:default/orders-db';
