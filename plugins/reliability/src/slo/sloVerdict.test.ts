import { sloItem } from '../__testUtils__/mockReliabilityApi';
import { sloVerdict } from './sloVerdict';

const alerts = (firing: string[]) =>
  (
    [
      ['page', '1h', '5m', 14.4],
      ['page', '6h', '30m', 6],
      ['ticket', '1d', '2h', 3],
      ['ticket', '3d', '6h', 1],
    ] as const
  ).map(([severity, longWindow, shortWindow, factor]) => ({
    severity,
    longWindow,
    shortWindow,
    factor,
    firing: firing.includes(longWindow),
  }));

const rates = (sixHours: number) => ({
  '5m': 2,
  '30m': 9,
  '1h': 7,
  '2h': 5,
  '6h': sixHours,
  '1d': 3.5,
  '3d': 1.2,
});

describe('sloVerdict', () => {
  it.each([
    [
      'a warning names the firing alert and the burn rate',
      {
        state: 'warning' as const,
        errorBudget: { total: 0.005, consumed: 0.23, remaining: 0.77 },
        burnRates: rates(8),
        alerts: alerts(['6h', '1d', '3d']),
      },
      'The page alert 6h/30m is firing, burning 8.0× the sustainable rate; the 28-day error budget has 77% left. Target 99.5%.',
    ],
    [
      'a warning without a firing alert says little budget is left',
      {
        state: 'warning' as const,
        errorBudget: { total: 0.005, consumed: 0.8, remaining: 0.2 },
        burnRates: rates(5.97),
        alerts: alerts([]),
      },
      'Little budget is left; the 28-day error budget has 20% left. Target 99.5%.',
    ],
    [
      'a burn rate just under another alert is written so it reads as under',
      {
        state: 'warning' as const,
        errorBudget: { total: 0.005, consumed: 0.5, remaining: 0.5 },
        burnRates: { ...rates(5.97), '1d': 5.97 },
        alerts: alerts(['1d']),
      },
      'The ticket alert 1d/2h is firing, burning 5.97× the sustainable rate; the 28-day error budget has 50% left. Target 99.5%.',
    ],
    [
      'a freeze names the alert still firing',
      {
        state: 'freeze' as const,
        errorBudget: { total: 0.005, consumed: 1.1, remaining: -0.1 },
        burnRates: rates(8),
        alerts: alerts(['6h', '1d', '3d']),
      },
      'The 28-day error budget is spent (-10% left); releases stop except for fixes. The page alert 6h/30m is firing, burning 8.0× the sustainable rate. Target 99.5%.',
    ],
    [
      'a freeze says the budget is spent, whole',
      {
        state: 'freeze' as const,
        errorBudget: { total: 0.001, consumed: 2.2004, remaining: -1.2004 },
        burnRates: rates(0.5),
        alerts: alerts([]),
      },
      'The 28-day error budget is spent (-120% left); releases stop except for fixes. Target 99.5%.',
    ],
    [
      'ok',
      { state: 'ok' as const },
      'The 28-day error budget has 50% left. Target 99.5%.',
    ],
    [
      'pending, before the first evaluation',
      {
        state: 'pending' as const,
        errorBudget: { total: 0.005, consumed: null, remaining: null },
      },
      'Not evaluated yet: the first evaluation runs shortly after the backend starts.',
    ],
  ])('%s', (_case, status, sentence) => {
    expect(sloVerdict(sloItem({ status }))).toBe(sentence);
  });
});
