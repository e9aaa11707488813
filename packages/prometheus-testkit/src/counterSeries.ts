/**
 * A counter to backfill: its name (without `_total`), labels, and how many events per second
 * it counts at each instant. Rates are read once per sample interval, at its start.
 */
export type CounterSeries = {
  name: string;
  labels: Record<string, string>;
  ratePerSecond: (timeMs: number) => number;
};

export type SampleGrid = {
  startMs: number;
  endMs: number;
  /** Seconds between samples; may differ by period, e.g. coarse history and a fine recent part. */
  stepSeconds: (timeMs: number) => number;
};

/**
 * OpenMetrics text of counters sampled over a grid, as `promtool tsdb create-blocks-from
 * openmetrics` reads it. Each counter starts at 1,000,000 so that Prometheus's `increase()`
 * never mistakes the first sample for a reset.
 */
export function* renderOpenMetrics(
  series: CounterSeries[],
  grid: SampleGrid,
): Generator<string> {
  const byName = new Map<string, CounterSeries[]>();
  for (const s of series) {
    byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  }
  for (const [name, members] of byName) {
    yield `# TYPE ${name} counter\n`;
    for (const member of members) {
      const labels = Object.entries(member.labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',');
      let value = 1_000_000;
      let chunk = '';
      for (let t = grid.startMs; t <= grid.endMs; ) {
        chunk += `${name}_total{${labels}} ${value} ${t / 1000}\n`;
        const step = grid.stepSeconds(t);
        value += member.ratePerSecond(t) * step;
        t += step * 1000;
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk;
    }
  }
  yield '# EOF\n';
}
