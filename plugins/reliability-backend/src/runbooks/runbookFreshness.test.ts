import { DateTime } from 'luxon';
import { assessFreshness } from './runbookFreshness';

const now = DateTime.fromISO('2026-12-01T12:00:00Z', { zone: 'utc' });

describe('assessFreshness', () => {
  it.each([
    [
      'passed 10 days ago',
      { days: 10 },
      'passed',
      true,
      'The drill on 2026-11-21 passed',
    ],
    [
      'passed exactly 90 days ago',
      { days: 90 },
      'passed',
      true,
      'The drill on 2026-09-02 passed',
    ],
    [
      'passed 90 days and a minute ago',
      { days: 90, minutes: 1 },
      'passed',
      false,
      'Last drilled on 2026-09-02, more than 90 days ago: drill it again',
    ],
    [
      'passed 100 days ago',
      { days: 100 },
      'passed',
      false,
      'Last drilled on 2026-08-23, more than 90 days ago: drill it again',
    ],
    [
      'failed 10 days ago',
      { days: 10 },
      'failed',
      false,
      'The last drill, on 2026-11-21, failed: fix the runbook and drill it again',
    ],
    [
      'partly worked yesterday',
      { days: 1 },
      'partial',
      false,
      'The last drill, on 2026-11-30, only partly worked: fix the runbook and drill it again',
    ],
  ] as const)('%s', (_case, ago, outcome, fresh, reason) => {
    expect(
      assessFreshness(
        {
          performedAt: now.minus(ago).toISO()!,
          outcome,
          minutesToMitigate: 12,
        },
        now.toJSDate(),
        90,
      ),
    ).toEqual({ fresh, reason });
  });

  it('flags a runbook never drilled', () => {
    expect(assessFreshness(null, now.toJSDate(), 90)).toEqual({
      fresh: false,
      reason: 'Never drilled: do not rely on it yet',
    });
  });

  it('follows the configured number of days', () => {
    const drill = {
      performedAt: now.minus({ days: 20 }).toISO()!,
      outcome: 'passed' as const,
      minutesToMitigate: null,
    };
    expect(assessFreshness(drill, now.toJSDate(), 14).fresh).toBe(false);
    expect(assessFreshness(drill, now.toJSDate(), 30).fresh).toBe(true);
  });
});
