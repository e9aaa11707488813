import {
  alertFactor,
  BURN_RATE_ALERT_RULES,
  BurnRates,
  evaluateBurnRateAlerts,
} from './alerts';

describe('alertFactor', () => {
  // budget fraction × SLO window hours / long-window hours, for the four workbook alerts
  // (2%/1h, 5%/6h, 10%/1d, 10%/3d).
  it.each([
    ['30d', 720, [14.4, 6, 3, 1]],
    ['28d', 672, [13.44, 5.6, 2.8, 0.9333333333]],
    ['7d', 168, [3.36, 1.4, 0.7, 0.2333333333]],
    // A calendar month of 31 days uses that period's own length.
    ['31-day month', 744, [14.88, 6.2, 3.1, 1.0333333333]],
  ])('on a %s window (%p hours) are %p', (_window, hours, factors) => {
    BURN_RATE_ALERT_RULES.forEach((rule, i) => {
      expect(alertFactor(rule, hours)).toBeCloseTo(factors[i], 8);
    });
  });
});

describe('evaluateBurnRateAlerts', () => {
  const rates = (overrides: Partial<BurnRates>): BurnRates => ({
    '5m': 0,
    '30m': 0,
    '1h': 0,
    '2h': 0,
    '6h': 0,
    '1d': 0,
    '3d': 0,
    ...overrides,
  });
  const firing = (burnRates: BurnRates) =>
    evaluateBurnRateAlerts(burnRates, 720)
      .filter(alert => alert.firing)
      .map(
        alert => `${alert.severity} ${alert.longWindow}/${alert.shortWindow}`,
      );

  it.each([
    ['nothing burning', rates({}), []],
    [
      'a fast burn over both windows',
      rates({ '1h': 15, '5m': 20 }),
      ['page 1h/5m'],
    ],
    // The short window must agree: a burn that already stopped does not page.
    ['a burn that stopped', rates({ '1h': 15, '5m': 0.5 }), []],
    // Strictly greater than the factor.
    ['exactly at the factor', rates({ '1h': 14.4, '5m': 14.4 }), []],
    [
      'a slow, steady burn',
      rates({ '1d': 3.5, '2h': 3.5, '3d': 3.5, '6h': 3.5 }),
      ['ticket 1d/2h', 'ticket 3d/6h'],
    ],
    ['a window without data', rates({ '1h': null, '5m': 20 }), []],
  ])('%s fires %p', (_case, burnRates, expected) => {
    expect(firing(burnRates)).toEqual(expected);
  });
});
