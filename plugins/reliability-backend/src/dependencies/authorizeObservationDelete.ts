import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ObservedEdge,
  observationDeletePermission,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogIndex } from '../catalog/CatalogIndex';

/**
 * Who may erase evidence: services always; a person only for edges whose source entity their
 * group owns (or they own), whatever the policy says; then the policy's
 * `reliability.observation.delete` can narrow it further.
 */
export async function authorizeObservationDelete(
  options: { permissions: PermissionsService; catalogIndex: CatalogIndex },
  edges: Array<Pick<ObservedEdge, 'source'>>,
  credentials: BackstageCredentials,
): Promise<void> {
  const { principal } = credentials as BackstageCredentials<any>;
  if (principal.type === 'service') return;
  const user: string | undefined =
    principal.type === 'user' ? principal.userEntityRef : undefined;
  const snapshot = await options.catalogIndex.current();
  const owns = (source: string) => {
    const owner = snapshot.entitiesByRef.get(source)?.ownerRef;
    if (!owner || !user) return false;
    return (
      owner === user ||
      (snapshot.groups.get(owner)?.memberRefs.includes(user) ?? false)
    );
  };
  const notOwned = [...new Set(edges.map(e => e.source))].filter(
    source => !owns(source),
  );
  if (notOwned.length > 0) {
    throw new NotAllowedError(
      `Only services and members of the owners of an edge's source may delete it; you do not own ${notOwned
        .slice(0, 5)
        .join(', ')}`,
    );
  }
  const [decision] = await options.permissions.authorize(
    [{ permission: observationDeletePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Deleting observed dependencies needs the ${observationDeletePermission.name} permission`,
    );
  }
}
