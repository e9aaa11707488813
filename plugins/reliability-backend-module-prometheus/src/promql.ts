import { SliMetricSource } from '@reliability-suite/backstage-plugin-reliability-common';

const WINDOW_PLACEHOLDER = '{{window}}';

/** A PromQL range duration, in the largest whole unit: 300 → `5m`, 86400 → `1d`. */
export function promDuration(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (whole % size === 0) {
      return `${whole / size}${unit}`;
    }
  }
  return `${whole}s`;
}

/**
 * The PromQL that counts a metric source's events over a window: a query with `{{window}}`
 * as written with the window put in, any other query as a counter selector whose increase is
 * summed.
 */
export function countEvents(
  source: SliMetricSource,
  windowSeconds: number,
): string {
  const window = promDuration(windowSeconds);
  // The catalog module accepts a Prometheus metric source only with a query.
  const query = String(source.spec.query);
  if (query.includes(WINDOW_PLACEHOLDER)) {
    return `(${query.split(WINDOW_PLACEHOLDER).join(window)})`;
  }
  return `sum(increase(${query}[${window}]))`;
}

/** Tags a vector with constant labels so several results can share one query. */
export function withLabels(
  expr: string,
  labels: Record<string, string>,
): string {
  return Object.entries(labels).reduce(
    (inner, [name, value]) =>
      `label_replace(${inner}, "${name}", "${value}", "", "")`,
    `(${expr})`,
  );
}
