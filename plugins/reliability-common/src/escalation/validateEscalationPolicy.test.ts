import { validateEscalationPolicy } from './validateEscalationPolicy';

const valid = {
  owner: 'group:default/payments',
  rotations: [{ name: 'primary', members: ['user:default/alice'] }],
  levels: [{ delayMinutes: 0, targets: ['rotation:primary'] }],
};

describe('validateEscalationPolicy', () => {
  it('accepts a well-formed policy', () => {
    expect(validateEscalationPolicy(valid)).toEqual([]);
  });

  it.each([
    [
      'no owner',
      { ...valid, owner: undefined },
      'spec.owner must name the group the policy belongs to, e.g. "group:default/payments"',
    ],
    [
      'no levels',
      { ...valid, levels: [] },
      'spec.levels must list at least one escalation level',
    ],
    [
      'a level without targets',
      { ...valid, levels: [{ delayMinutes: 5 }] },
      'spec.levels[0].targets must be a list',
    ],
    [
      'rotations that are not a list',
      { ...valid, rotations: { name: 'primary' } },
      'spec.rotations must be a list',
    ],
  ])('rejects %s', (_case, spec, message) => {
    expect(validateEscalationPolicy(spec)).toEqual([message]);
  });
});
