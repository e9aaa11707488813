import { decideSloState, worstSloState } from './sloState';
import { computeErrorBudget } from './errorBudget';
import { BurnRateAlert } from './alerts';

const quiet: BurnRateAlert[] = [
  {
    severity: 'page',
    longWindow: '1h',
    shortWindow: '5m',
    factor: 14.4,
    firing: false,
  },
];
const paging: BurnRateAlert[] = [{ ...quiet[0], firing: true }];

describe('decideSloState', () => {
  it.each([
    // SLI against a 99.9% target: remaining = 1 - (1 - SLI) / 0.001
    ['plenty of budget left', 0.9995, quiet, 'ok'], // 50% left
    ['budget at the warning threshold', 0.99925, quiet, 'warning'], // 25% left
    ['budget spent exactly', 0.999, quiet, 'freeze'], // 0% left
    ['budget overspent', 0.99, quiet, 'freeze'],
    ['an alert firing with budget left', 0.9999, paging, 'warning'],
    ['no events in the window', null, quiet, 'no-data'],
  ])('%s is %p', (_case, sli, alerts, state) => {
    expect(
      decideSloState({
        sli,
        errorBudget: computeErrorBudget(sli, 0.999),
        alerts,
        warningThreshold: 0.25,
      }),
    ).toBe(state);
  });
});

describe('worstSloState', () => {
  it.each([
    [['ok', 'warning', 'no-data'], 'warning'],
    [['ok', 'error', 'warning'], 'error'],
    [['error', 'freeze'], 'freeze'],
    [['ok', 'no-data'], 'no-data'],
    [['ok'], 'ok'],
    [[], 'no-slos'],
  ] as const)('of %p is %p', (states, worst) => {
    expect(worstSloState([...states])).toBe(worst);
  });
});
