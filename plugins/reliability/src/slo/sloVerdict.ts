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

const capitalized = (text: string) =>
  text.charAt(0).toUpperCase() + text.slice(1);

/** An alert in words: "the page alert 6h/30m". */
export function alertName(alert: BurnRateAlert): string {
  return `the ${alert.severity} alert ${alert.longWindow}/${alert.shortWindow}`;
}

/** The alert factors of an objective, which its burn rates are written against. */
export function alertFactors(item: SloItem): number[] {
  return item.status.alerts.map(alert => alert.factor);
}

/** "The page alert 6h/30m is firing, burning 8.0× the sustainable rate", or none firing. */
function firingText(item: SloItem): string | undefined {
  const alert = firstFiringAlert(item);
  if (!alert) return undefined;
  const burn = item.status.burnRates[alert.longWindow];
  return `${capitalized(alertName(alert))} is firing${
    burn === null || burn === undefined
      ? ''
      : `, burning ${formatMultiple(
          burn,
          alertFactors(item),
        )} the sustainable rate`
  }`;
}

/**
 * Why an objective has its verdict, as one sentence to show whole beside the verdict's label:
 * which alert fires and how fast the budget burns, how much of it is left, against which target.
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
      return 'Not evaluated yet: the first evaluation runs shortly after the backend starts.';
    case 'error':
      return `${status.error}`;
    case 'no-data':
      return `No events in the ${window} window, so no SLI. ${target}${stale}`;
    case 'freeze': {
      const firing = firingText(item);
      return `The ${window} error budget is spent (${formatBudgetLeft(
        remaining ?? 0,
      )}); releases stop except for fixes.${
        firing ? ` ${firing}.` : ''
      } ${target}${stale}`;
    }
    case 'warning':
      return `${
        firingText(item) ?? 'Little budget is left'
      }; ${left}. ${target}${stale}`;
    default:
      return `${capitalized(left)}. ${target}${stale}`;
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
