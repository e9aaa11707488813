import { EscalationLevel } from '../api';
import { nextEscalation } from './nextEscalation';

const level = (
  n: number,
  delayMinutes: number,
  targets: Array<[string, string[]]>,
): EscalationLevel => ({
  level: n,
  delayMinutes,
  targets: targets.map(([displayName, users]) => ({
    type: 'group',
    ref: `group:default/${displayName.toLowerCase()}`,
    displayName,
    users,
  })),
});
const henry = 'user:default/henry';
const grace = 'user:default/grace';

describe('nextEscalation', () => {
  it('passes over a level that reaches only the people already paged', () => {
    expect(
      nextEscalation({
        onCall: [],
        levels: [
          level(1, 0, [['Primary', [henry]]]),
          level(2, 15, [['Henry', [henry]]]),
          level(3, 30, [['SRE', [henry, grace]]]),
        ],
      }),
    ).toEqual({
      next: {
        level: 3,
        delayMinutes: 30,
        targets: ['SRE'],
        users: [henry, grace],
      },
      skippedLevels: [2],
    });
  });

  it('says when every later level repeats the first', () => {
    expect(
      nextEscalation({
        onCall: [],
        levels: [
          level(1, 0, [['Primary', [henry]]]),
          level(2, 15, [['Henry', [henry]]]),
        ],
      }),
    ).toEqual({ next: null, skippedLevels: [2] });
  });

  it('keeps a level that reaches nobody right now: it is still the next step', () => {
    expect(
      nextEscalation({
        onCall: [],
        levels: [
          level(1, 0, [['Primary', [henry]]]),
          level(2, 5, [['Empty team', []]]),
        ],
      }).next?.level,
    ).toBe(2);
  });
});
