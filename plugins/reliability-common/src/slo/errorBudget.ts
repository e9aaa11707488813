/** The error budget over an SLO window, as fractions. */
export type ErrorBudget = {
  /** The budget itself: the share of events (or slices) allowed to be bad, `1 - target`. */
  total: number | null;
  /** Share of the budget spent; above 1 when overspent; null without data. */
  consumed: number | null;
  /** `1 - consumed`; negative when overspent; null without data. */
  remaining: number | null;
};

/** The error budget left when the SLI over the SLO window is `sli` against `target`. */
export function computeErrorBudget(
  sli: number | null,
  target: number,
): ErrorBudget {
  const total = 1 - target;
  if (sli === null) {
    return { total, consumed: null, remaining: null };
  }
  const consumed = (1 - sli) / total;
  return { total, consumed, remaining: 1 - consumed };
}

/**
 * How many times faster than sustainable the budget burns when the SLI over a window is `sli`:
 * 1 spends the budget exactly over the SLO window. Null without data.
 */
export function computeBurnRate(
  sli: number | null,
  target: number,
): number | null {
  return sli === null ? null : (1 - sli) / (1 - target);
}

/** Good events out of all events; null when there were none (no data is never 100%). */
export function ratioSli(good: number, total: number): number | null {
  if (!(total > 0)) {
    return null;
  }
  return Math.min(1, Math.max(0, good / total));
}
