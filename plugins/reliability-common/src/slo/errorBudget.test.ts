import { computeBurnRate, computeErrorBudget, ratioSli } from './errorBudget';

describe('computeErrorBudget', () => {
  it.each([
    // target, SLI → total = 1 - target, consumed = (1 - SLI) / total, remaining = 1 - consumed
    [0.999, 0.9995, 0.001, 0.5, 0.5], // half the 0.1% budget spent
    [0.999, 1, 0.001, 0, 1], // a perfect window spends nothing
    [0.999, 0.999, 0.001, 1, 0], // exactly on target: all of it spent
    [0.999, 0.997, 0.001, 3, -2], // three times overspent
    [0.99, 0.995, 0.01, 0.5, 0.5],
    [0.95, 0.9, 0.05, 2, -1],
    [0, 0.4, 1, 0.6, 0.4], // a target of 0: everything is budget
  ])(
    'target %p with SLI %p: total %p, consumed %p, remaining %p',
    (target, sli, total, consumed, remaining) => {
      const budget = computeErrorBudget(sli, target);
      expect(budget.total).toBeCloseTo(total, 12);
      expect(budget.consumed).toBeCloseTo(consumed, 9);
      expect(budget.remaining).toBeCloseTo(remaining, 9);
    },
  );

  it('has no consumed or remaining budget without data', () => {
    expect(computeErrorBudget(null, 0.999)).toEqual({
      total: expect.closeTo(0.001, 12),
      consumed: null,
      remaining: null,
    });
  });
});

describe('computeBurnRate', () => {
  it.each([
    // (1 - SLI(w)) / (1 - target)
    [0.999, 0.999, 1], // sustainable: the budget lasts exactly the window
    [0.999, 0.9856, 14.4], // the fast-page threshold on 30 days
    [0.995, 0.98, 4],
    [0.99, 1, 0],
  ])('target %p with SLI %p burns at %p×', (target, sli, rate) => {
    expect(computeBurnRate(sli, target)).toBeCloseTo(rate, 9);
  });

  it('is null without data', () => {
    expect(computeBurnRate(null, 0.999)).toBeNull();
  });
});

describe('ratioSli', () => {
  it.each([
    [999, 1000, 0.999],
    [0, 10, 0],
    [10, 10, 1],
  ])('%p good of %p events is %p', (good, total, sli) => {
    expect(ratioSli(good, total)).toBeCloseTo(sli, 12);
  });

  it('is no data, never 100%, when the window had no events', () => {
    expect(ratioSli(0, 0)).toBeNull();
  });
});
