import { BurnRateAlert } from './alerts';
import { ErrorBudget } from './errorBudget';

/**
 * The verdict on one SLO objective; `pending` until its first evaluation has run (a backend that
 * just started, an SLO just added).
 */
export type SloState =
  | 'ok'
  | 'warning'
  | 'freeze'
  | 'no-data'
  | 'error'
  | 'pending';

/**
 * The verdict of the release gate for an entity: its worst SLO (an SLO not evaluated yet counts
 * as `no-data`), or `no-slos`.
 */
export type ReleaseGateState = Exclude<SloState, 'pending'> | 'no-slos';

/** Below this share of budget left an SLO is `warning`, unless configured otherwise. */
export const DEFAULT_WARNING_THRESHOLD = 0.25;

/** The state of an SLO objective evaluated without error. */
export function decideSloState(options: {
  sli: number | null;
  errorBudget: ErrorBudget;
  alerts: BurnRateAlert[];
  warningThreshold: number;
}): SloState {
  const { sli, errorBudget, alerts, warningThreshold } = options;
  if (sli === null || errorBudget.remaining === null) {
    return 'no-data';
  }
  if (errorBudget.remaining <= 0) {
    return 'freeze';
  }
  if (
    errorBudget.remaining <= warningThreshold ||
    alerts.some(alert => alert.firing)
  ) {
    return 'warning';
  }
  return 'ok';
}

const SEVERITY: Record<SloState, number> = {
  freeze: 5,
  error: 4,
  warning: 3,
  'no-data': 2,
  pending: 1,
  ok: 0,
};

/** Orders states worst first: freeze, error, warning, no-data, pending, ok. */
export function compareSloStates(a: SloState, b: SloState): number {
  return SEVERITY[b] - SEVERITY[a];
}

/** An entity's release-gate verdict: the worst of its SLO states, `no-slos` without any. */
export function worstSloState(states: SloState[]): ReleaseGateState {
  if (states.length === 0) {
    return 'no-slos';
  }
  const worst = [...states].sort(compareSloStates)[0];
  return worst === 'pending' ? 'no-data' : worst;
}
