import {
  computeErrorBudget,
  ratioSli,
  resolveTimeWindow,
  SloHistoryResponse,
  SloObjective,
  SloSpecDefinition,
  toSeconds,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { SliRange } from '@reliability-suite/backstage-plugin-reliability-node';

/** About this many points at most in a history answer. */
export const MAX_HISTORY_POINTS = 1000;

/**
 * How to fetch the history of an objective between `from` and `to`: the output step, and the
 * resolution and span of the per-step event counts it is computed from. A `Timeslices` SLO
 * is counted per slice (each slice is judged on its own); an `Occurrences` SLO per output step.
 */
export function planHistory(
  spec: SloSpecDefinition,
  objective: SloObjective,
  from: Date,
  to: Date,
): { stepSeconds: number; resolutionSeconds: number; rangeStart: Date } {
  const spanSeconds = Math.max(0, (to.getTime() - from.getTime()) / 1000);
  const resolutionSeconds =
    spec.budgetingMethod === 'Timeslices'
      ? toSeconds(objective.timeSliceWindow!)
      : Math.max(60, Math.ceil(spanSeconds / MAX_HISTORY_POINTS / 60) * 60);
  const stepSeconds =
    Math.max(
      1,
      Math.ceil(spanSeconds / MAX_HISTORY_POINTS / resolutionSeconds),
    ) * resolutionSeconds;
  const windowStart = resolveTimeWindow(spec.timeWindow, from).start;
  const lookback = Math.ceil(
    (from.getTime() - windowStart.getTime()) / 1000 / resolutionSeconds,
  );
  return {
    stepSeconds,
    resolutionSeconds,
    rangeStart: new Date(from.getTime() - lookback * resolutionSeconds * 1000),
  };
}

/**
 * The SLI and budget left at each step from `from` to `to`, each over the SLO window ending at
 * that step (for a calendar window, the period containing it so far), from event counts per
 * `resolutionSeconds` starting at `range.t[0]`.
 */
export function computeHistory(options: {
  spec: SloSpecDefinition;
  objective: SloObjective;
  range: SliRange;
  from: Date;
  to: Date;
  stepSeconds: number;
  resolutionSeconds: number;
}): SloHistoryResponse {
  const { spec, objective, range, from, to, stepSeconds, resolutionSeconds } =
    options;
  // Per unit of resolution: for Occurrences good and total events, for Timeslices whether the
  // slice was good and whether it counted (had events).
  const isTimeslices = spec.budgetingMethod === 'Timeslices';
  const counted = (total: number) => Number(total > 0);
  const goodSlice = (good: number, total: number) =>
    Number(total > 0 && good / total >= objective.timeSliceTarget!);
  const good = isTimeslices
    ? range.good.map((g, i) => goodSlice(g, range.total[i]))
    : range.good;
  const total = isTimeslices ? range.total.map(counted) : range.total;
  const prefixGood = prefixSums(good);
  const prefixTotal = prefixSums(total);

  const startMs = range.t[0]?.getTime() ?? from.getTime();
  const unitMs = resolutionSeconds * 1000;
  // Index of the unit ending at `ms` (or the last one before it).
  const unitAt = (ms: number) => Math.floor((ms - startMs) / unitMs);

  const points: SloHistoryResponse['points'] = [];
  const stepMs = stepSeconds * 1000;
  const count = Math.floor((to.getTime() - from.getTime()) / stepMs) + 1;
  for (let i = 0; i < count; i++) {
    const ms = from.getTime() + i * stepMs;
    const at = new Date(ms);
    const windowStart = resolveTimeWindow(spec.timeWindow, at).start.getTime();
    const last = Math.min(unitAt(ms), range.t.length - 1);
    // Units ending after the window starts: (windowStart, at].
    const first = Math.max(0, unitAt(windowStart) + 1);
    const sum = (prefix: number[]) =>
      last >= first ? prefix[last + 1] - prefix[first] : 0;
    const sli = ratioSli(sum(prefixGood), sum(prefixTotal));
    points.push({
      t: at.toISOString(),
      sli,
      errorBudgetRemaining: computeErrorBudget(sli, objective.target).remaining,
    });
  }
  return { step: stepSeconds, points };
}

function prefixSums(values: number[]): number[] {
  const sums = [0];
  for (const value of values) {
    sums.push(sums[sums.length - 1] + value);
  }
  return sums;
}
