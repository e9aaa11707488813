import {
  durationStats,
  incidentDurationStats,
  incidentMinutes,
} from './incidentDurations';

const incident = {
  startedAt: '2026-11-01T10:00:00.000Z',
  detectedAt: '2026-11-01T10:12:00.000Z',
  declaredAt: '2026-11-01T10:15:30.000Z',
  mitigatedAt: '2026-11-01T10:45:00.000Z',
  resolvedAt: '2026-11-01T12:00:00.000Z',
};

describe('incidentMinutes', () => {
  it.each([
    ['mttd', 12],
    ['mtta', 3.5],
    ['mttm', 45],
    ['mttr', 120],
  ] as const)('%s of one incident', (duration, minutes) => {
    expect(incidentMinutes(incident, duration)).toBe(minutes);
  });

  it('is null when either time is missing', () => {
    expect(
      incidentMinutes({ ...incident, detectedAt: null }, 'mtta'),
    ).toBeNull();
    expect(
      incidentMinutes({ ...incident, resolvedAt: null }, 'mttr'),
    ).toBeNull();
  });
});

describe('durationStats', () => {
  it.each([
    [[], { median: null, mean: null, count: 0 }],
    [[7], { median: 7, mean: 7, count: 1 }],
    // Odd count: the middle value, unrounded mean.
    [[30, 5, 10], { median: 10, mean: 15, count: 3 }],
    // Even count: the mean of the two middle values.
    [[4, 1, 10, 3], { median: 3.5, mean: 4.5, count: 4 }],
    [[1, 2], { median: 1.5, mean: 1.5, count: 2 }],
  ])('%p → %p', (values, stats) => {
    expect(durationStats(values)).toEqual(stats);
  });
});

describe('incidentDurationStats', () => {
  it('counts only the incidents that have both times', () => {
    expect(
      incidentDurationStats(
        [
          incident,
          { ...incident, resolvedAt: null },
          { ...incident, resolvedAt: '2026-11-01T10:30:00.000Z' },
        ],
        'mttr',
      ),
    ).toEqual({ median: 75, mean: 75, count: 2 });
  });
});
