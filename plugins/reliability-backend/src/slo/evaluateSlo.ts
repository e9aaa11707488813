import {
  BURN_RATE_WINDOW_SECONDS,
  BURN_RATE_WINDOWS,
  BurnRates,
  computeBurnRate,
  computeErrorBudget,
  decideSloState,
  evaluateBurnRateAlerts,
  RatioIndicator,
  ratioSli,
  resolveTimeWindow,
  ResolvedTimeWindow,
  SloSpecDefinition,
  SloStatus,
  toSeconds,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  SliMeasurement,
  SliMeasurementRequest,
} from '@reliability-suite/backstage-plugin-reliability-node';

/** The name of the SLO's own window among the measured windows. */
export const SLO_WINDOW = 'slo';

/** What to ask the SLI source to judge an SLO at `at`: every window in one measurement. */
export function planMeasurement(
  spec: SloSpecDefinition,
  indicator: RatioIndicator,
  at: Date,
): { request: SliMeasurementRequest; window: ResolvedTimeWindow } {
  const window = resolveTimeWindow(spec.timeWindow, at);
  const sloWindowSeconds = Math.max(1, Math.round(window.elapsedSeconds));
  return {
    window,
    request: {
      indicator,
      at,
      windows: { ...BURN_RATE_WINDOW_SECONDS, [SLO_WINDOW]: sloWindowSeconds },
      sloWindowSeconds,
      timeslices:
        spec.budgetingMethod === 'Timeslices'
          ? spec.objectives.map(objective => ({
              sliceSeconds: toSeconds(objective.timeSliceWindow!),
              sliceTarget: objective.timeSliceTarget!,
            }))
          : [],
    },
  };
}

/** The status of each objective from one measurement. */
export function toSloStatuses(options: {
  spec: SloSpecDefinition;
  measurement: SliMeasurement;
  window: ResolvedTimeWindow;
  evaluatedAt: Date;
  warningThreshold: number;
}): SloStatus[] {
  const { spec, measurement, window, evaluatedAt, warningThreshold } = options;
  const windowSli = (name: string) => {
    const counts = measurement.windows[name];
    return counts ? ratioSli(counts.good, counts.total) : null;
  };
  return spec.objectives.map(objective => {
    const slices = measurement.timeslices[objective.objectiveIndex];
    const sli =
      spec.budgetingMethod === 'Timeslices'
        ? ratioSli(slices?.good ?? 0, slices?.counted ?? 0)
        : windowSli(SLO_WINDOW);
    const errorBudget = computeErrorBudget(sli, objective.target);
    const burnRates = Object.fromEntries(
      BURN_RATE_WINDOWS.map(w => [
        w,
        computeBurnRate(windowSli(w), objective.target),
      ]),
    ) as BurnRates;
    const alerts = evaluateBurnRateAlerts(burnRates, window.lengthHours);
    return {
      state: decideSloState({ sli, errorBudget, alerts, warningThreshold }),
      sli,
      errorBudget,
      burnRates,
      alerts,
      evaluatedAt: evaluatedAt.toISOString(),
      stale: false,
      error: null,
    };
  });
}

/** The status of an objective that could not be evaluated. */
export function errorStatus(options: {
  target: number | undefined;
  error: string;
  evaluatedAt: Date | null;
  stale?: boolean;
}): SloStatus {
  return {
    state: 'error',
    sli: null,
    errorBudget:
      options.target === undefined
        ? { total: null, consumed: null, remaining: null }
        : computeErrorBudget(null, options.target),
    burnRates: Object.fromEntries(
      BURN_RATE_WINDOWS.map(w => [w, null]),
    ) as BurnRates,
    alerts: [],
    evaluatedAt: options.evaluatedAt?.toISOString() ?? null,
    stale: options.stale ?? false,
    error: options.error,
  };
}

/** The status of an objective before its first evaluation: no values, no verdict yet. */
export function pendingStatus(target: number): SloStatus {
  return {
    ...errorStatus({ target, error: '', evaluatedAt: null }),
    state: 'pending',
    error: null,
  };
}
