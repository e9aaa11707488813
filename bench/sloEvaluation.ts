/**
 * SLO evaluation against a real Prometheus: one cycle over 1,000 SLOs the way the backend runs
 * it (one batched instant query per SLO, concurrency 8), against the naive way measured in the
 * same run (one instant query per window per SLO, and one per timeslice judgement).
 *
 * Run: npm run bench:slo
 */
import { Entity } from '@backstage/catalog-model';
import {
  BURN_RATE_WINDOW_SECONDS,
  resolveTimeWindow,
  SloSpecDefinition,
  toSeconds,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  PrometheusClient,
  PrometheusSliSource,
} from '@reliability-suite/backstage-plugin-reliability-backend-module-prometheus';
import {
  backfill,
  CounterSeries,
  startPrometheus,
} from '@reliability-suite/prometheus-testkit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toSloDefinition } from '../plugins/reliability-backend/src/slo/SloDefinition';
import { mapWithConcurrency } from '../plugins/reliability-backend/src/slo/mapWithConcurrency';
import {
  planMeasurement,
  toSloStatuses,
} from '../plugins/reliability-backend/src/slo/evaluateSlo';
import { countEvents } from '../plugins/reliability-backend-module-prometheus/src/promql';

const SERVICES = 30;
const SLOS = 1000;
const CONCURRENCY = 8;
const MINUTE = 60_000;
const DAY = 86_400_000;

function counters(now: number): CounterSeries[] {
  return Array.from({ length: SERVICES }, (_, i) => {
    const service = `svc-${i}`;
    const requests = 5 + (i % 7) * 3;
    const errors = (t: number) =>
      0.0002 * (1 + (i % 5)) + (t > now - (i % 4) * DAY ? 0.001 * (i % 3) : 0);
    return [
      {
        name: 'http_requests',
        labels: { service, code: '200' },
        ratePerSecond: (t: number) => requests * (1 - errors(t)),
      },
      {
        name: 'http_requests',
        labels: { service, code: '500' },
        ratePerSecond: (t: number) => requests * errors(t),
      },
    ];
  }).flat();
}

/** 1,000 SLOs over the services' series: different targets, windows, matchers and methods. */
function sloEntities(): Entity[] {
  const windows = [
    { duration: '30d', isRolling: true },
    { duration: '28d', isRolling: true },
    { duration: '7d', isRolling: true },
    {
      duration: '1M',
      isRolling: false,
      calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'Europe/Berlin' },
    },
  ];
  const targets = [0.99, 0.995, 0.999, 0.9995];
  return Array.from({ length: SLOS }, (_, i) => {
    const service = `svc-${i % SERVICES}`;
    const timeslices = i % 10 === 0;
    const badMatcher = i % 2 === 0 ? 'code="500"' : 'code=~"5.."';
    return {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: `slo-${i}`, namespace: 'default' },
      spec: {
        service,
        indicator: {
          metadata: { name: `sli-${i}` },
          spec: {
            ratioMetric: {
              bad: {
                metricSource: {
                  type: 'Prometheus',
                  spec: {
                    query: `http_requests_total{service="${service}",${badMatcher}}`,
                  },
                },
              },
              total: {
                metricSource: {
                  type: 'Prometheus',
                  spec: { query: `http_requests_total{service="${service}"}` },
                },
              },
            },
          },
        },
        timeWindow: [timeslices ? windows[2] : windows[i % windows.length]],
        budgetingMethod: timeslices ? 'Timeslices' : 'Occurrences',
        objectives: [
          {
            target: targets[i % targets.length],
            ...(timeslices
              ? { timeSliceTarget: 0.99, timeSliceWindow: '5m' }
              : {}),
          },
        ],
      },
    };
  });
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'reliability-bench-'));
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  let started = Date.now();
  await backfill({
    dataDir,
    series: counters(now),
    grid: {
      startMs: now - 31 * DAY,
      endMs: now + 60 * MINUTE,
      stepSeconds: t => (t >= now - 8 * DAY ? 60 : 600),
    },
  });
  console.log(
    `backfilled ${SERVICES * 2} series (31 days) in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );
  const prometheus = await startPrometheus({ dataDir });
  try {
    const client = new PrometheusClient({
      baseUrl: prometheus.baseUrl,
      timeoutMs: 30_000,
    });
    const source = new PrometheusSliSource(client);
    const definitions = sloEntities().map(e =>
      toSloDefinition(e, () => undefined),
    );
    const at = new Date(now);

    // Warm Prometheus's caches once, so both ways are measured warm.
    await source.measure(
      planMeasurement(definitions[0].spec!, definitions[0].indicator!, at)
        .request,
    );

    started = Date.now();
    const batched = await mapWithConcurrency(
      definitions,
      CONCURRENCY,
      async d => {
        const { request, window } = planMeasurement(d.spec!, d.indicator!, at);
        const measurement = await source.measure(request);
        toSloStatuses({
          spec: d.spec!,
          measurement,
          window,
          evaluatedAt: at,
          warningThreshold: 0.25,
        });
        return measurement.requests;
      },
    );
    const batchedMs = Date.now() - started;
    const batchedRequests = batched.reduce((a, b) => a + b, 0);

    started = Date.now();
    const naive = await mapWithConcurrency(definitions, CONCURRENCY, async d =>
      naiveEvaluate(client, d.spec!, d.indicator!, at),
    );
    const naiveMs = Date.now() - started;
    const naiveRequests = naive.reduce((a, b) => a + b, 0);

    console.log(
      `SLOs: ${SLOS} over ${SERVICES} services, concurrency ${CONCURRENCY}`,
    );
    console.log(
      `batched cycle: ${(batchedMs / 1000).toFixed(2)} s, ${(
        batchedRequests / SLOS
      ).toFixed(2)} requests per SLO`,
    );
    console.log(
      `naive cycle:   ${(naiveMs / 1000).toFixed(2)} s, ${(
        naiveRequests / SLOS
      ).toFixed(2)} requests per SLO`,
    );
    console.log(`naive / batched time: ${(naiveMs / batchedMs).toFixed(2)}×`);
    console.log(
      `budget (one cycle within 60 s): ${
        batchedMs <= 60_000 ? 'met' : 'MISSED'
      } (${(batchedMs / 600).toFixed(0)}% of it)`,
    );
  } finally {
    await prometheus.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One instant query per window, and one per timeslice count, as a plain exporter would. */
async function naiveEvaluate(
  client: PrometheusClient,
  spec: SloSpecDefinition,
  indicator: NonNullable<ReturnType<typeof toSloDefinition>['indicator']>,
  at: Date,
): Promise<number> {
  const window = resolveTimeWindow(spec.timeWindow, at);
  const seconds = [
    ...Object.values(BURN_RATE_WINDOW_SECONDS),
    Math.round(window.elapsedSeconds),
  ];
  const events = indicator.good ?? indicator.bad!;
  let requests = 0;
  for (const w of seconds) {
    await client.query(
      `${countEvents(events, w)} / ${countEvents(indicator.total, w)}`,
      at,
    );
    requests += 1;
  }
  for (const objective of spec.budgetingMethod === 'Timeslices'
    ? spec.objectives
    : []) {
    const slice = toSeconds(objective.timeSliceWindow!);
    const ratio = `(1 - ${countEvents(events, slice)} / (${countEvents(
      indicator.total,
      slice,
    )} > 0))`;
    const range = `[${Math.round(window.elapsedSeconds)}s:${slice}s]`;
    await client.query(
      `sum_over_time((${ratio} >= bool ${objective.timeSliceTarget})${range})`,
      at,
    );
    await client.query(`count_over_time(${ratio}${range})`, at);
    requests += 2;
  }
  return requests;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
