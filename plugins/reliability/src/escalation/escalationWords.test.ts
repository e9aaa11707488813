import { nextLevelText } from './escalationWords';

const step = (level: number, delayMinutes: number, targets: string[]) => ({
  level,
  delayMinutes,
  targets,
  users: [],
});

describe('nextLevelText', () => {
  it.each([
    [
      'the next level and after how long',
      {
        next: step(2, 20, ['Site Reliability Engineering']),
        skippedLevels: [],
      },
      'Site Reliability Engineering after 20 minutes',
    ],
    [
      'one minute, singular',
      { next: step(2, 1, ['Henry Adeyemi']), skippedLevels: [] },
      'Henry Adeyemi after 1 minute',
    ],
    [
      'a level paged together with the first',
      { next: step(2, 0, ['Alice Kim', 'Bob Okafor']), skippedLevels: [] },
      'Alice Kim, Bob Okafor at once',
    ],
    [
      'a level passed over, and why',
      { next: step(3, 30, ['Engineering']), skippedLevels: [2] },
      'Engineering after 30 minutes (level 2 reaches only the people already paged)',
    ],
    [
      'only repeats left: no one else, and why',
      { next: null, skippedLevels: [2] },
      'No one else: level 2 reaches only the people already paged',
    ],
    [
      'two levels passed over',
      { next: null, skippedLevels: [2, 3] },
      'No one else: level 2 and level 3 reach only the people already paged',
    ],
    [
      'no later level at all',
      { next: null, skippedLevels: [] },
      'No further level',
    ],
  ])('%s', (_case, next, text) => {
    expect(nextLevelText(next)).toBe(text);
  });
});
