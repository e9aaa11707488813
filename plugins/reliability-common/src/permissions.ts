import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Recording observed dependency edges (`POST` and `DELETE /observations`). Service principals
 * (traffic exporters, probes) may always; users need this permission.
 */
export const observationCreatePermission = createPermission({
  name: 'reliability.observation.create',
  attributes: { action: 'create' },
});

/** Every permission the suite defines. */
export const reliabilityPermissions = [observationCreatePermission];
