/** The windows whose burn rate the suite reports, shortest first. */
export const BURN_RATE_WINDOWS = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
] as const;

export type BurnRateWindow = (typeof BURN_RATE_WINDOWS)[number];

export const BURN_RATE_WINDOW_SECONDS: Record<BurnRateWindow, number> = {
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21600,
  '1d': 86400,
  '3d': 259200,
};

export type BurnRates = Record<BurnRateWindow, number | null>;

/**
 * A multi-window, multi-burn-rate alert (Google SRE workbook, chapter 5): it fires when the
 * budget burns so fast over both windows that `budgetFraction` of it would be gone within the
 * long window.
 */
export type BurnRateAlertRule = {
  severity: 'page' | 'ticket';
  budgetFraction: number;
  longWindow: BurnRateWindow;
  shortWindow: BurnRateWindow;
};

export const BURN_RATE_ALERT_RULES: BurnRateAlertRule[] = [
  {
    severity: 'page',
    budgetFraction: 0.02,
    longWindow: '1h',
    shortWindow: '5m',
  },
  {
    severity: 'page',
    budgetFraction: 0.05,
    longWindow: '6h',
    shortWindow: '30m',
  },
  {
    severity: 'ticket',
    budgetFraction: 0.1,
    longWindow: '1d',
    shortWindow: '2h',
  },
  {
    severity: 'ticket',
    budgetFraction: 0.1,
    longWindow: '3d',
    shortWindow: '6h',
  },
];

export type BurnRateAlert = {
  severity: 'page' | 'ticket';
  longWindow: BurnRateWindow;
  shortWindow: BurnRateWindow;
  /** The burn rate both windows must exceed. */
  factor: number;
  firing: boolean;
};

/**
 * The burn rate at which `rule` fires for an SLO window of `windowHours`:
 * budget fraction × window hours / long-window hours (14.4, 6, 3 and 1 on 30 days).
 */
export function alertFactor(
  rule: BurnRateAlertRule,
  windowHours: number,
): number {
  const longHours = BURN_RATE_WINDOW_SECONDS[rule.longWindow] / 3600;
  return (rule.budgetFraction * windowHours) / longHours;
}

/** Each alert's factor and whether both of its burn rates are strictly above it. */
export function evaluateBurnRateAlerts(
  burnRates: BurnRates,
  windowHours: number,
): BurnRateAlert[] {
  return BURN_RATE_ALERT_RULES.map(rule => {
    const factor = alertFactor(rule, windowHours);
    const long = burnRates[rule.longWindow];
    const short = burnRates[rule.shortWindow];
    return {
      severity: rule.severity,
      longWindow: rule.longWindow,
      shortWindow: rule.shortWindow,
      factor,
      firing:
        long !== null && short !== null && long > factor && short > factor,
    };
  });
}
