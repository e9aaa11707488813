import { Entity } from '@backstage/catalog-model';

/** A minimal escalation policy for the entity's owner. */
export function escalationPolicySnippet(entity: Entity): string {
  const owner =
    typeof entity.spec?.owner === 'string'
      ? entity.spec.owner
      : 'group:default/your-team';
  return `apiVersion: reliability.io/v1alpha1
kind: EscalationPolicy
metadata:
  name: ${entity.metadata.name}-escalation
spec:
  owner: ${owner}
  rotations:
    - name: primary
      timeZone: Europe/Berlin
      length: P1W
      handoff: "10:00"
      startDate: 2026-01-05
      members: [user:default/alice, user:default/bob]
  levels:
    - { delayMinutes: 0, targets: [rotation:primary] }
    - { delayMinutes: 15, targets: [${owner}] }
`;
}
