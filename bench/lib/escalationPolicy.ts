import { Entity } from '@backstage/catalog-model';

/** A policy with one weekly rotation of `members`, paged first. */
export function escalationPolicy(
  name: string,
  owner: string,
  members: string[],
): Entity {
  return {
    apiVersion: 'reliability.io/v1alpha1',
    kind: 'EscalationPolicy',
    metadata: { name, namespace: 'default' },
    spec: {
      owner,
      rotations: [
        {
          name: 'primary',
          timeZone: 'Europe/London',
          length: 'P1W',
          handoff: '09:00',
          startDate: '2026-01-05',
          members,
        },
      ],
      levels: [{ delayMinutes: 0, targets: ['rotation:primary'] }],
    },
  };
}
