import { Entity } from '@backstage/catalog-model';
import { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { escalationPolicyEntity } from '../__testUtils__/catalogEntities';
import { PolicyEvaluationCache } from './PolicyEvaluationCache';

const entities: Entity[] = [
  escalationPolicyEntity('team-oncall', 'group:default/team', {
    name: 'primary',
    timeZone: 'Europe/London',
    length: 'P1D',
    handoff: '09:00',
    startDate: '2026-11-01',
    members: ['user:default/alice', 'user:default/bob'],
  }),
];

function buildSnapshot() {
  return new CatalogSnapshot(entities);
}

describe('PolicyEvaluationCache', () => {
  it('reuses an evaluation within the shift, and evaluates again at the handoff', async () => {
    const snapshot = buildSnapshot();
    const policy = snapshot.policies.get(
      'escalationpolicy:default/team-oncall',
    )!;
    const cache = new PolicyEvaluationCache();
    // 2026-11-22 is a Sunday in GMT: the turn from 09:00 to 09:00 the next day.
    const first = cache.evaluatorFor(
      snapshot,
      new Date('2026-11-22T09:00:00Z'),
    )(policy);
    const later = cache.evaluatorFor(
      snapshot,
      new Date('2026-11-22T09:00:59Z'),
    )(policy);
    expect(later).toBe(first);

    const afterHandoff = cache.evaluatorFor(
      snapshot,
      new Date('2026-11-23T09:00:00Z'),
    )(policy);
    expect(afterHandoff).not.toBe(first);
    expect(first.onCall[0].userRef).not.toBe(afterHandoff.onCall[0].userRef);
    expect(afterHandoff.onCall[0].from).toBe('2026-11-23T09:00:00.000Z');
  });

  it('reuses an evaluation for a minute at most, and never across catalog snapshots', async () => {
    const snapshot = buildSnapshot();
    const policy = snapshot.policies.get(
      'escalationpolicy:default/team-oncall',
    )!;
    const cache = new PolicyEvaluationCache();
    const at = new Date('2026-11-22T10:00:00Z');
    const first = cache.evaluatorFor(snapshot, at)(policy);
    expect(
      cache.evaluatorFor(snapshot, new Date(at.getTime() + 60_000))(policy),
    ).not.toBe(first);

    const rebuilt = buildSnapshot();
    const again = cache.evaluatorFor(rebuilt, at)(policy);
    expect(cache.evaluatorFor(snapshot, at)(policy)).not.toBe(again);
  });
});
