import {
  alertFactor,
  BURN_RATE_ALERT_RULES,
  BURN_RATE_WINDOW_SECONDS,
  BURN_RATE_WINDOWS,
  RatioIndicator,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { SliRulesRequest } from '@reliability-suite/backstage-plugin-reliability-node';
import { stringify } from 'yaml';
import { countEvents } from './promql';

/** The recorded error ratio over a window, e.g. `slo:sli_error:ratio_rate1h`. */
export function errorRatioRecord(window: string): string {
  return `slo:sli_error:ratio_rate${window}`;
}

/**
 * A Prometheus rule file for one SLO, in the shape Sloth and Pyrra users know: per objective, a
 * recording rule per burn-rate window for the error ratio, and the four multi-window,
 * multi-burn-rate alerts of the SRE workbook, labelled with severity, SLO and entity.
 */
export function renderPrometheusRules(request: SliRulesRequest): string {
  const groups = request.objectives.flatMap(objective => [
    {
      name: `${objective.name}-sli-recordings`,
      rules: recordingRules(request.indicator, objective.labels),
    },
    {
      name: `${objective.name}-burn-rate-alerts`,
      rules: alertingRules(objective, request.windowHours),
    },
  ]);
  return stringify({ groups }, { lineWidth: 0 });
}

function recordingRules(
  indicator: RatioIndicator,
  labels: Record<string, string>,
) {
  return BURN_RATE_WINDOWS.map(window => {
    const seconds = BURN_RATE_WINDOW_SECONDS[window];
    const total = countEvents(indicator.total, seconds);
    const expr = indicator.good
      ? `1 - (${countEvents(indicator.good, seconds)} / ${total})`
      : `${countEvents(indicator.bad, seconds)} / ${total}`;
    return { record: errorRatioRecord(window), expr, labels };
  });
}

function alertingRules(
  objective: SliRulesRequest['objectives'][number],
  windowHours: number,
) {
  const { labels } = objective;
  const budget = Number((1 - objective.target).toPrecision(12));
  const selector = `{${Object.entries(labels)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(', ')}}`;
  const days = Number((windowHours / 24).toFixed(2));
  return BURN_RATE_ALERT_RULES.map(rule => {
    const factor = Number(alertFactor(rule, windowHours).toPrecision(6));
    const threshold = `(${factor} * ${budget})`;
    return {
      alert: 'SloErrorBudgetBurn',
      expr: [
        `${errorRatioRecord(rule.longWindow)}${selector} > ${threshold}`,
        'and',
        `${errorRatioRecord(rule.shortWindow)}${selector} > ${threshold}`,
      ].join('\n'),
      labels: {
        ...labels,
        severity: rule.severity,
        long_window: rule.longWindow,
        short_window: rule.shortWindow,
      },
      annotations: {
        summary: `${objective.name} is burning its error budget more than ${factor}× faster than sustainable`,
        description: `Over both the last ${rule.longWindow} and ${
          rule.shortWindow
        }, the error ratio ran above ${factor} × the budget of ${Number(
          (budget * 100).toPrecision(6),
        )}%: at this pace ${
          rule.budgetFraction * 100
        }% of the ${days}-day budget is spent within ${rule.longWindow}.`,
      },
    };
  });
}
