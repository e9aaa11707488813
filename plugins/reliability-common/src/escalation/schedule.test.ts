import { parseEscalationPolicySpec } from './policy';
import { nextHandoffs, onCallAt, shiftsBetween } from './schedule';

type RotationSpec = Record<string, unknown>;

function policy(rotations: RotationSpec[], overrides: object[] = []) {
  const parsed = parseEscalationPolicySpec({
    owner: 'group:default/payments',
    rotations,
    overrides,
    levels: [
      { delayMinutes: 0, targets: rotations.map(r => `rotation:${r.name}`) },
    ],
  });
  if (!parsed.value) {
    throw new Error(parsed.problems.join('; '));
  }
  return parsed.value;
}

const londonWeekly = {
  name: 'london',
  timeZone: 'Europe/London',
  length: 'P1W',
  handoff: '09:00',
  startDate: '2026-03-23',
  members: ['alice', 'bob', 'carol'],
};
const newYorkDaily = {
  name: 'new-york',
  timeZone: 'America/New_York',
  length: 'P1D',
  handoff: '08:00',
  startDate: '2026-03-06',
  members: ['dave', 'erin'],
};

function who(rotation: RotationSpec, at: string, overrides: object[] = []) {
  const p = policy([rotation], overrides);
  const shift = onCallAt(p.rotations[0], p.overrides, new Date(at));
  return shift
    ? [
        shift.userRef.replace('user:default/', ''),
        shift.from.toISOString(),
        shift.until.toISOString(),
      ]
    : undefined;
}

describe('onCallAt', () => {
  it.each([
    // London, weekly at 09:00 local from Monday 23 March 2026 (GMT, UTC+0).
    [
      'the first turn',
      londonWeekly,
      '2026-03-23T12:00:00Z',
      ['alice', '2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z'],
    ],
    // Summer time began on 29 March: the next 09:00 handoff is 08:00Z.
    [
      'just before the first BST handoff',
      londonWeekly,
      '2026-03-30T07:59:00Z',
      ['alice', '2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z'],
    ],
    [
      'at the first BST handoff',
      londonWeekly,
      '2026-03-30T08:00:00Z',
      ['bob', '2026-03-30T08:00:00.000Z', '2026-04-06T08:00:00.000Z'],
    ],
    // Winter time returns on 25 October: the turn from 19 October (08:00Z) ends at 09:00Z on
    // the 26th; turn 30 is alice's (30 mod 3 = 0), turn 31 bob's.
    [
      'across the end of summer time',
      londonWeekly,
      '2026-10-26T08:30:00Z',
      ['alice', '2026-10-19T08:00:00.000Z', '2026-10-26T09:00:00.000Z'],
    ],
    [
      'after the GMT handoff',
      londonWeekly,
      '2026-10-26T09:00:00Z',
      ['bob', '2026-10-26T09:00:00.000Z', '2026-11-02T09:00:00.000Z'],
    ],
    [
      'before the first handoff',
      londonWeekly,
      '2026-03-23T08:59:00Z',
      undefined,
    ],
    // New York, daily at 08:00 from 6 March 2026; summer time begins on 8 March.
    [
      'the day before New York moves its clocks',
      newYorkDaily,
      '2026-03-08T11:30:00Z',
      ['erin', '2026-03-07T13:00:00.000Z', '2026-03-08T12:00:00.000Z'],
    ],
    [
      'the first EDT handoff',
      newYorkDaily,
      '2026-03-08T12:30:00Z',
      ['dave', '2026-03-08T12:00:00.000Z', '2026-03-09T12:00:00.000Z'],
    ],
    // 1 November: the 25-hour day. 31 October is turn 239 (erin's).
    [
      'the 25-hour day',
      newYorkDaily,
      '2026-11-01T12:30:00Z',
      ['erin', '2026-10-31T12:00:00.000Z', '2026-11-01T13:00:00.000Z'],
    ],
  ])('%s', (_case, rotation, at, expected) => {
    expect(who(rotation, at)).toEqual(expected);
  });

  it.each([
    // A daily rotation across a year boundary, handing over at local midnight.
    [
      '2026-12-31T12:00:00Z',
      ['b', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ],
    [
      '2027-01-01T12:00:00Z',
      ['c', '2027-01-01T00:00:00.000Z', '2027-01-02T00:00:00.000Z'],
    ],
    [
      '2027-01-02T00:00:00Z',
      ['a', '2027-01-02T00:00:00.000Z', '2027-01-03T00:00:00.000Z'],
    ],
  ])('a year boundary at %s', (at, expected) => {
    const daily = {
      name: 'daily',
      timeZone: 'Europe/London',
      length: 'P1D',
      handoff: '00:00',
      startDate: '2026-12-30',
      members: ['a', 'b', 'c'],
    };
    expect(who(daily, at)).toEqual(expected);
  });

  describe('follow the sun', () => {
    const seoul = {
      name: 'seoul',
      timeZone: 'Asia/Seoul',
      length: 'P1W',
      handoff: '09:00',
      startDate: '2026-01-05',
      members: ['grace', 'henry'],
      coverage: '09:00-21:00',
    };
    const london = {
      name: 'london',
      timeZone: 'Europe/London',
      length: 'P1W',
      handoff: '09:00',
      startDate: '2026-01-05',
      members: ['alice', 'bob'],
      coverage: '09:00-21:00',
    };
    it.each([
      // 14:00 in Seoul (UTC+9), 05:00 in London.
      [
        '2026-01-07T05:00:00Z',
        ['grace', '2026-01-07T00:00:00.000Z', '2026-01-07T12:00:00.000Z'],
        undefined,
      ],
      // 21:00 in Seoul, 12:00 in London.
      [
        '2026-01-07T12:00:00Z',
        undefined,
        ['alice', '2026-01-07T09:00:00.000Z', '2026-01-07T21:00:00.000Z'],
      ],
      // Both covered from 09:00 to 12:00Z.
      [
        '2026-01-07T10:00:00Z',
        ['grace', '2026-01-07T00:00:00.000Z', '2026-01-07T12:00:00.000Z'],
        ['alice', '2026-01-07T09:00:00.000Z', '2026-01-07T21:00:00.000Z'],
      ],
      // 23:00 in London, 08:00 in Seoul: nobody.
      ['2026-01-07T23:00:00Z', undefined, undefined],
    ])('at %s', (at, inSeoul, inLondon) => {
      expect(who(seoul, at)).toEqual(inSeoul);
      expect(who(london, at)).toEqual(inLondon);
    });

    it('covers a window past midnight', () => {
      const nights = { ...london, name: 'nights', coverage: '21:00-09:00' };
      expect(who(nights, '2026-01-07T23:00:00Z')).toEqual([
        'alice',
        '2026-01-07T21:00:00.000Z',
        '2026-01-08T09:00:00.000Z',
      ]);
      expect(who(nights, '2026-01-07T12:00:00Z')).toBeUndefined();
    });
  });

  describe('overrides', () => {
    const london = {
      name: 'london',
      timeZone: 'Europe/London',
      length: 'P1W',
      handoff: '09:00',
      startDate: '2026-01-05',
      members: ['alice', 'bob'],
    };
    const carol = {
      rotation: 'london',
      user: 'user:default/carol',
      from: '2026-01-07T10:00:00Z',
      until: '2026-01-07T16:00:00Z',
    };
    const dave = {
      rotation: 'london',
      user: 'user:default/dave',
      from: '2026-01-07T12:00:00Z',
      until: '2026-01-07T13:00:00Z',
    };
    const erin = { ...dave, user: 'user:default/erin' };
    it.each([
      [
        'inside an override',
        [carol],
        '2026-01-07T11:00:00Z',
        ['carol', '2026-01-07T10:00:00.000Z', '2026-01-07T16:00:00.000Z'],
      ],
      [
        'after it, back to the turn',
        [carol],
        '2026-01-07T16:00:00Z',
        ['alice', '2026-01-07T16:00:00.000Z', '2026-01-12T09:00:00.000Z'],
      ],
      [
        'before it, until it starts',
        [carol],
        '2026-01-07T09:00:00Z',
        ['alice', '2026-01-05T09:00:00.000Z', '2026-01-07T10:00:00.000Z'],
      ],
      // Overlapping overrides: the latest `from` wins while it lasts.
      [
        'the later of two overlapping overrides',
        [carol, dave],
        '2026-01-07T12:30:00Z',
        ['dave', '2026-01-07T12:00:00.000Z', '2026-01-07T13:00:00.000Z'],
      ],
      [
        'the earlier one once the later ends',
        [carol, dave],
        '2026-01-07T13:30:00Z',
        ['carol', '2026-01-07T13:00:00.000Z', '2026-01-07T16:00:00.000Z'],
      ],
      // Same `from`: the one listed last wins.
      [
        'a tie, listed last',
        [carol, dave, erin],
        '2026-01-07T12:30:00Z',
        ['erin', '2026-01-07T12:00:00.000Z', '2026-01-07T13:00:00.000Z'],
      ],
      [
        'a tie, listed last (other order)',
        [carol, erin, dave],
        '2026-01-07T12:30:00Z',
        ['dave', '2026-01-07T12:00:00.000Z', '2026-01-07T13:00:00.000Z'],
      ],
    ])('%s', (_case, overrides, at, expected) => {
      expect(who(london, at, overrides)).toEqual(expected);
    });
  });
});

describe('nextHandoffs', () => {
  it('lists the coming turns at local wall-clock time across a DST change', () => {
    const p = policy([londonWeekly]);
    expect(
      nextHandoffs(p.rotations[0], new Date('2026-03-24T00:00:00Z'), 3).map(
        h => [h.at.toISOString(), h.userRef],
      ),
    ).toEqual([
      ['2026-03-30T08:00:00.000Z', 'user:default/bob'],
      ['2026-04-06T08:00:00.000Z', 'user:default/carol'],
      ['2026-04-13T08:00:00.000Z', 'user:default/alice'],
    ]);
  });
});

describe('shiftsBetween', () => {
  it('lists the shifts of an interval, clipped to it, with overrides spliced in', () => {
    const p = policy(
      [{ ...newYorkDaily, members: ['dave', 'erin'] }],
      [
        {
          rotation: 'new-york',
          user: 'carol',
          from: '2026-03-09T00:00:00Z',
          until: '2026-03-09T06:00:00Z',
        },
      ],
    );
    const shifts = shiftsBetween(
      p.rotations[0],
      p.overrides,
      new Date('2026-03-08T00:00:00Z'),
      new Date('2026-03-10T00:00:00Z'),
    );
    expect(
      shifts.map(s => [
        s.userRef.replace('user:default/', ''),
        s.from.toISOString(),
        s.until.toISOString(),
        s.override,
      ]),
    ).toEqual([
      ['erin', '2026-03-08T00:00:00.000Z', '2026-03-08T12:00:00.000Z', false],
      ['dave', '2026-03-08T12:00:00.000Z', '2026-03-09T00:00:00.000Z', false],
      ['carol', '2026-03-09T00:00:00.000Z', '2026-03-09T06:00:00.000Z', true],
      ['dave', '2026-03-09T06:00:00.000Z', '2026-03-09T12:00:00.000Z', false],
      ['erin', '2026-03-09T12:00:00.000Z', '2026-03-10T00:00:00.000Z', false],
    ]);
  });
});

describe('at the edges of time', () => {
  // A daily rotation with coverage walks turns, covered days and the overrides: every loop.
  const covered = policy(
    [{ ...newYorkDaily, startDate: '2000-01-01', coverage: '09:00-17:00' }],
    [
      {
        rotation: 'new-york',
        user: 'user:default/zoe',
        from: '2099-12-31T15:00:00Z',
        until: '2099-12-31T16:00:00Z',
      },
    ],
  );
  const [rotation] = covered.rotations;

  it('walks the first and the last accepted days', () => {
    expect(
      onCallAt(rotation, covered.overrides, new Date('2000-01-01T15:00:00Z'))
        ?.userRef,
    ).toBe('user:default/dave');
    expect(
      onCallAt(rotation, covered.overrides, new Date('2099-12-31T15:30:00Z'))
        ?.userRef,
    ).toBe('user:default/zoe');
    const shifts = shiftsBetween(
      rotation,
      covered.overrides,
      new Date('2099-10-01T00:00:00Z'),
      new Date('2100-01-01T00:00:00Z'),
    );
    // One covered stretch a day for 92 days, the override splitting the last one in three.
    expect(shifts).toHaveLength(94);
    expect(nextHandoffs(rotation, new Date('2100-01-01T00:00:00Z'), 2)).toEqual(
      [
        { at: new Date('2100-01-01T13:00:00Z'), userRef: 'user:default/erin' },
        { at: new Date('2100-01-02T13:00:00Z'), userRef: 'user:default/dave' },
      ],
    );
  });

  it('walks the most turns a valid policy allows: hourly turns around a year-long override', () => {
    const hourly = policy(
      [{ ...newYorkDaily, length: 'PT1H', members: ['dave', 'erin', 'zoe'] }],
      [
        {
          rotation: 'new-york',
          user: 'user:default/carol',
          from: '2026-06-01T00:00:00Z',
          until: '2027-06-02T00:00:00Z',
        },
      ],
    );
    // About 17,600 turns either side of the instant: one sweep, whole shifts.
    expect(
      onCallAt(
        hourly.rotations[0],
        hourly.overrides,
        new Date('2026-12-24T12:00:00Z'),
      ),
    ).toEqual({
      rotation: 'new-york',
      userRef: 'user:default/carol',
      from: new Date('2026-06-01T00:00:00Z'),
      until: new Date('2027-06-02T00:00:00Z'),
      override: true,
    });
    const turns = shiftsBetween(
      hourly.rotations[0],
      [],
      new Date('2026-03-07T00:00:00Z'),
      new Date('2026-06-05T00:00:00Z'),
    );
    // 90 days of hourly turns, one person each: 2,160 shifts, none merged.
    expect(turns).toHaveLength(90 * 24);
  });

  it('answers nine days before the largest JavaScript date, where its walk used to loop', () => {
    const at = new Date('+275760-09-04T15:00:00Z');
    expect(onCallAt(rotation, [], at)).toMatchObject({
      userRef: 'user:default/dave',
      from: new Date('+275760-09-04T13:00:00Z'),
      until: new Date('+275760-09-04T21:00:00Z'),
    });
    // To the largest date there is (the 13th, 00:00Z): the 4th from 15:00, then the 5th to the
    // 12th, 13:00-21:00Z each.
    expect(shiftsBetween(rotation, [], at, new Date(8.64e15))).toHaveLength(9);
  });

  it.each([
    ['past the largest JavaScript date', new Date(8.64e15 + 1)],
    ['the smallest JavaScript date', new Date('-271821-04-20T00:00:00Z')],
    ['no date at all', new Date('not a date')],
  ])('fails fast with a RangeError %s', (_, instant) => {
    expect(() => onCallAt(rotation, covered.overrides, instant)).toThrow(
      RangeError,
    );
    const now = new Date('2026-11-22T00:00:00Z');
    const [from, to] = instant < now ? [instant, now] : [now, instant];
    expect(() => shiftsBetween(rotation, covered.overrides, from, to)).toThrow(
      RangeError,
    );
    expect(() => nextHandoffs(rotation, instant, 3)).toThrow(RangeError);
  });
});
