import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The entity an SLO is for: `spec.service` as a full entity ref, or a bare name meaning
 * `component:<the SLO's namespace>/<name>`. Undefined when it does not parse.
 */
export function resolveSloEntityRef(
  service: string,
  sloNamespace: string,
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(service.trim(), {
        defaultKind: 'component',
        defaultNamespace: sloNamespace,
      }),
    );
  } catch {
    return undefined;
  }
}
