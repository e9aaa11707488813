import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { observationCreatePermission } from '@reliability-suite/backstage-plugin-reliability-common';

/**
 * Who may record observed dependencies: services (traffic exporters, probes) always, users with
 * `reliability.observation.create`; the route and the action ask the same.
 */
export async function authorizeObservationWrite(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<void> {
  if (
    credentials.principal &&
    (credentials.principal as any).type === 'service'
  ) {
    return;
  }
  const [decision] = await permissions.authorize(
    [{ permission: observationCreatePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Recording observed dependencies needs the ${observationCreatePermission.name} permission`,
    );
  }
}
