import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { makeValidator, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

const validator = makeValidator();

/**
 * The entity ref named by a `:kind/:namespace/:name` path, or a 400 naming the malformed part.
 */
export function entityRefFromPath(params: {
  kind?: string;
  namespace?: string;
  name?: string;
}): string {
  const { kind = '', namespace = '', name = '' } = params;
  const problems = [
    validator.isValidKind(kind) ? undefined : `kind "${kind}"`,
    validator.isValidNamespace(namespace)
      ? undefined
      : `namespace "${namespace}"`,
    validator.isValidEntityName(name) ? undefined : `name "${name}"`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new InputError(
      `Malformed entity in the path: ${problems.join(', ')} is not valid`,
    );
  }
  return stringifyEntityRef({ kind, namespace, name });
}

/** 404 unless the caller can read the entity in the catalog. */
export async function requireEntity(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<void> {
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
}
