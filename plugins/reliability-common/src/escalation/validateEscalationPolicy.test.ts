import { validateEscalationPolicy } from './validateEscalationPolicy';

const primary = {
  name: 'primary',
  timeZone: 'Asia/Seoul',
  length: 'P1W',
  handoff: '10:00',
  startDate: '2026-01-05',
  members: ['user:default/alice', 'user:default/bob'],
  coverage: '09:00-21:00',
};

const valid = {
  owner: 'group:default/payments',
  rotations: [primary],
  overrides: [
    {
      rotation: 'primary',
      user: 'user:default/carol',
      from: '2026-11-23T00:00:00Z',
      until: '2026-11-24T00:00:00Z',
    },
  ],
  levels: [
    { delayMinutes: 0, targets: ['rotation:primary'] },
    { delayMinutes: 15, targets: ['user:default/dave'] },
    { delayMinutes: 30, targets: ['group:default/sre'] },
  ],
  contacts: { slack: '#payments-oncall', email: 'payments-oncall@example.com' },
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
      'spec.levels[0].targets must list at least one target',
    ],
    [
      'rotations that are not a list',
      {
        ...valid,
        rotations: { name: 'primary' },
        overrides: [],
        levels: [{ targets: ['user:default/dave'] }],
      },
      'spec.rotations must be a list',
    ],
    [
      'a level naming an unknown rotation',
      {
        ...valid,
        levels: [{ delayMinutes: 0, targets: ['rotation:secondary'] }],
      },
      'spec.levels[0].targets[0] names the rotation "secondary", which this policy does not define',
    ],
    [
      'a target of another kind',
      {
        ...valid,
        levels: [{ delayMinutes: 0, targets: ['component:default/x'] }],
      },
      'spec.levels[0].targets[0] "component:default/x" is not rotation:<name>, user:<ref> or group:<ref>',
    ],
    [
      'an override of an unknown rotation',
      {
        ...valid,
        overrides: [{ ...valid.overrides[0], rotation: 'secondary' }],
      },
      'spec.overrides[0].rotation "secondary" is not a rotation of this policy',
    ],
    [
      'an override ending before it starts',
      {
        ...valid,
        overrides: [{ ...valid.overrides[0], until: '2026-11-22T00:00:00Z' }],
      },
      'spec.overrides[0].until must be after from',
    ],
    [
      'an invalid time zone',
      { ...valid, rotations: [{ ...primary, timeZone: 'Asia/Atlantis' }] },
      'spec.rotations[0].timeZone "Asia/Atlantis" is not an IANA time zone such as Asia/Seoul',
    ],
    [
      'a bad duration',
      { ...valid, rotations: [{ ...primary, length: '1 week' }] },
      'spec.rotations[0].length "1 week" is not an ISO-8601 duration such as P1D, P1W or P2W',
    ],
    [
      'turns shorter than an hour',
      { ...valid, rotations: [{ ...primary, length: 'PT30M' }] },
      'spec.rotations[0].length "PT30M" must be at least an hour (PT1H) and at most a year (P1Y)',
    ],
    [
      'turns longer than a year',
      { ...valid, rotations: [{ ...primary, length: 'P2Y' }] },
      'spec.rotations[0].length "P2Y" must be at least an hour (PT1H) and at most a year (P1Y)',
    ],
    [
      'an override of more than a year',
      {
        ...valid,
        overrides: [{ ...valid.overrides[0], until: '2028-01-01T00:00:00Z' }],
      },
      "spec.overrides[0] lasts more than a year: change the rotation's members instead",
    ],
    [
      'a bad handoff time',
      { ...valid, rotations: [{ ...primary, handoff: '25:00' }] },
      'spec.rotations[0].handoff "25:00" is not a local time such as "10:00"',
    ],
    [
      'a bad start date',
      { ...valid, rotations: [{ ...primary, startDate: '2026-02-30' }] },
      'spec.rotations[0].startDate "2026-02-30" is not a date such as 2026-01-05',
    ],
    [
      'empty members',
      { ...valid, rotations: [{ ...primary, members: [] }] },
      'spec.rotations[0].members must list at least one user',
    ],
    [
      'bad coverage hours',
      { ...valid, rotations: [{ ...primary, coverage: '9-5' }] },
      'spec.rotations[0].coverage "9-5" is not local hours such as "09:00-21:00"',
    ],
  ])('rejects %s', (_case, spec, message) => {
    expect(validateEscalationPolicy(spec)).toContain(message);
  });
});
