import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Recording observed dependency edges (`POST` and `DELETE /observations`). Service principals
 * (traffic exporters, probes) may always; users need this permission.
 */
export const observationCreatePermission = createPermission({
  name: 'reliability.observation.create',
  attributes: { action: 'create' },
});

/**
 * Deleting observed dependencies (`DELETE /observations`). Services may always; a person must be
 * a member of an owner group of each edge's source entity, whatever the policy says, and the
 * policy can narrow that further with this permission.
 */
export const observationDeletePermission = createPermission({
  name: 'reliability.observation.delete',
  attributes: { action: 'delete' },
});

/**
 * Declaring an incident. Any signed-in user may unless the organisation's policy denies this.
 */
export const incidentCreatePermission = createPermission({
  name: 'reliability.incident.create',
  attributes: { action: 'create' },
});

/**
 * Editing an incident, its timeline or its postmortem: a resource permission on each catalog
 * entity the incident involves. The plugin's own rule (creator, commander, owners' members,
 * responder groups) applies first, whatever the policy; a policy can only narrow it.
 */
export const incidentUpdatePermission = createPermission({
  name: 'reliability.incident.update',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Recording a drill of an entity's runbook: a resource permission on the entity. The caller
 * must also be able to read the entity, whatever the policy says.
 */
export const drillCreatePermission = createPermission({
  name: 'reliability.drill.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/** Every permission the suite defines. */
export const reliabilityPermissions = [
  observationCreatePermission,
  observationDeletePermission,
  incidentCreatePermission,
  incidentUpdatePermission,
  drillCreatePermission,
];
