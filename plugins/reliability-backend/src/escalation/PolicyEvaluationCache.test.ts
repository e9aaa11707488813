import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OwnershipIndex } from './OwnershipIndex';
import { PolicyEvaluationCache } from './PolicyEvaluationCache';

const entities: Entity[] = [
  {
    apiVersion: 'reliability.io/v1alpha1',
    kind: 'EscalationPolicy',
    metadata: { name: 'team-oncall', namespace: 'default' },
    spec: {
      owner: 'group:default/team',
      rotations: [
        {
          name: 'primary',
          timeZone: 'Europe/London',
          length: 'P1D',
          handoff: '09:00',
          startDate: '2026-11-01',
          members: ['user:default/alice', 'user:default/bob'],
        },
      ],
      levels: [{ delayMinutes: 0, targets: ['rotation:primary'] }],
    },
  },
];

async function buildIndex() {
  return OwnershipIndex.build(
    catalogServiceMock({ entities }),
    mockCredentials.service(),
  );
}

describe('PolicyEvaluationCache', () => {
  it('reuses an evaluation within the shift, and evaluates again at the handoff', async () => {
    const index = await buildIndex();
    const policy = index.policies.get('escalationpolicy:default/team-oncall')!;
    const cache = new PolicyEvaluationCache();
    // 2026-11-22 is a Sunday in GMT: the turn from 09:00 to 09:00 the next day.
    const first = cache.evaluatorFor(
      index,
      new Date('2026-11-22T09:00:00Z'),
    )(policy);
    const later = cache.evaluatorFor(
      index,
      new Date('2026-11-22T09:00:59Z'),
    )(policy);
    expect(later).toBe(first);

    const afterHandoff = cache.evaluatorFor(
      index,
      new Date('2026-11-23T09:00:00Z'),
    )(policy);
    expect(afterHandoff).not.toBe(first);
    expect(first.onCall[0].userRef).not.toBe(afterHandoff.onCall[0].userRef);
    expect(afterHandoff.onCall[0].from).toBe('2026-11-23T09:00:00.000Z');
  });

  it('reuses an evaluation for a minute at most, and never across index rebuilds', async () => {
    const index = await buildIndex();
    const policy = index.policies.get('escalationpolicy:default/team-oncall')!;
    const cache = new PolicyEvaluationCache();
    const at = new Date('2026-11-22T10:00:00Z');
    const first = cache.evaluatorFor(index, at)(policy);
    expect(
      cache.evaluatorFor(index, new Date(at.getTime() + 60_000))(policy),
    ).not.toBe(first);

    const rebuilt = await buildIndex();
    const again = cache.evaluatorFor(rebuilt, at)(policy);
    expect(cache.evaluatorFor(index, at)(policy)).not.toBe(again);
  });
});
