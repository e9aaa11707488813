import {
  BurnRateAlert,
  SloItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  formatBudgetLeft,
  formatMultiple,
  formatPercent,
} from '../shared/format';
import { windowLabel } from './sloFormat';

/** The alert a responder acts on first: a firing page before a ticket, the shortest window first. */
export function firstFiringAlert(item: SloItem): BurnRateAlert | undefined {
  return item.status.alerts
    .filter(alert => alert.firing)
    .sort(
      (a, b) =>
        Number(a.severity !== 'page') - Number(b.severity !== 'page') ||
        b.factor - a.factor,
    )[0];
}

/** An alert in words: "the page alert 6h/30m". */
export function alertName(alert: BurnRateAlert): string {
  return `the ${alert.severity} alert ${alert.longWindow}/${alert.shortWindow}`;
}

/** The alert factors of an objective, which its burn rates are written against. */
export function alertFactors(item: SloItem): number[] {
  return item.status.alerts.map(alert => alert.factor);
}

/**
 * An objective's verdict as one sentence that says why: which alert fires and how fast the
 * budget burns, how much of it is left, against which target. Meant to be shown whole.
 */
export function sloVerdict(item: SloItem): string {
  const { status } = item;
  const window = windowLabel(item.timeWindow);
  const target = `Target ${formatPercent(item.target, 3)}.`;
  const remaining = status.errorBudget.remaining;
  const left =
    remaining === null
      ? `the ${window} error budget is unknown`
      : `the ${window} error budget has ${formatBudgetLeft(remaining)}`;
  const stale = status.stale ? ` Stale: ${status.error}.` : '';
  switch (status.state) {
    case 'pending':
      return 'Pending: not evaluated yet; the first evaluation runs shortly after the backend starts.';
    case 'error':
      return `Error: ${status.error}`;
    case 'no-data':
      return `No data: no events in the ${window} window, so no SLI. ${target}${stale}`;
    case 'freeze':
      return `Freeze: the ${window} error budget is spent (${formatBudgetLeft(
        remaining ?? 0,
      )}); releases stop except for fixes. ${target}${stale}`;
    case 'warning': {
      const alert = firstFiringAlert(item);
      const burn = alert ? status.burnRates[alert.longWindow] : null;
      const why = alert
        ? `${alertName(alert)} is firing${
            burn === null
              ? ''
              : `, burning ${formatMultiple(
                  burn,
                  alertFactors(item),
                )} the sustainable rate`
          }`
        : 'little budget is left';
      return `Warning: ${why}; ${left}. ${target}${stale}`;
    }
    default:
      return `OK: ${left}. ${target}${stale}`;
  }
}

/** The budget bar's caption: "The 28-day error budget has 62% left", or that it is spent. */
export function budgetSentence(item: SloItem): string {
  const remaining = item.status.errorBudget.remaining;
  const window = windowLabel(item.timeWindow);
  if (remaining === null) {
    return `No data for the ${window} error budget`;
  }
  if (remaining <= 0) {
    return `The ${window} error budget is spent (${formatBudgetLeft(
      remaining,
    )}): releases stop except for fixes`;
  }
  return `The ${window} error budget has ${formatBudgetLeft(remaining)}`;
}
