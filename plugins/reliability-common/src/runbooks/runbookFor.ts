import { SloItem } from '../api';
import { RunbookItem } from './runbook';

// Prometheus names every SLO burn-rate alert so; a runbook for it covers any SLO that fires.
const BURN_RATE_ALERT = 'SloErrorBudgetBurn';

/** The runbook to follow for an SLO: one that covers its name, title or firing alert. */
export function runbookFor(item: SloItem, runbooks: RunbookItem[]) {
  const firing = item.status.alerts.some(alert => alert.firing);
  const names = [item.name, item.title, ...(firing ? [BURN_RATE_ALERT] : [])];
  // Of those that cover it, one a recent drill proved comes first.
  const covering = runbooks.filter(r => r.covers.some(c => names.includes(c)));
  const runbook = covering.find(r => r.fresh) ?? covering[0];
  return runbook ? { title: runbook.title, url: runbook.url } : null;
}
