/**
 * The demo's Prometheus: 30 days of request counters whose story matches the demo catalog
 * (payments-service has spent its error budget, orders-service started burning six hours ago,
 * auth-service and ledger-service are healthy) and a service graph of who calls whom,
 * backfilled with promtool and served on loopback until this process is stopped.
 *
 * Usage: node --require @backstage/cli/config/nodeTransform.cjs scripts/demo-prometheus.ts
 *          <data-dir> <port>
 */
import {
  backfill,
  CounterSeries,
  startPrometheus,
} from '@reliability-suite/prometheus-testkit';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// The data runs a day past its generation, so a demo left running keeps current numbers; it is
// generated again when a start finds it older than this.
const REGENERATE_AFTER = 12 * HOUR;
// Bumped when the dataset's story changes, so an older dataset is generated again.
const DATASET_VERSION = 3;

type ServiceStory = {
  requestsPerSecond: number;
  errorRatio: (t: number, now: number) => number;
};

const stories: Record<string, ServiceStory> = {
  // A bad deploy ten days ago: 0.5% of payments fail against a 99.9% target, 5× the sustainable
  // rate: the budget is spent and the ticket alerts fire, the page alerts (6× and more) do not.
  'payments-service': {
    requestsPerSecond: 8,
    errorRatio: (t, now) => (t >= now - 10 * DAY ? 0.005 : 0.0003),
  },
  // Healthy until six hours ago, then 4% errors: the page alerts fire, budget still left.
  'orders-service': {
    requestsPerSecond: 15,
    errorRatio: (t, now) => (t >= now - 6 * HOUR ? 0.04 : 0.0008),
  },
  'auth-service': { requestsPerSecond: 30, errorRatio: () => 0.0002 },
  'ledger-service': { requestsPerSecond: 4, errorRatio: () => 0.0001 },
};

// Calls between services as Tempo's service graph counts them. Some are declared in the demo
// catalog, some are not (orders → config, payments → auth, settlement → the shared test
// database, reports → the ledger database), one names a service the catalog lacks, and the
// report generator no longer reads the payments database it declares.
const serviceGraph: Array<[string, string]> = [
  ['web-storefront', 'api-gateway'],
  ['api-gateway', 'orders'],
  ['api-gateway', 'auth-service'],
  ['api-gateway', 'config-service'],
  ['api-gateway', 'payments-service'],
  ['orders', 'config-service'],
  ['orders', 'orders-db'],
  ['orders', 'order-events'],
  ['orders', 'inventory-service'],
  ['orders', 'payments-service'],
  ['settlement-batch', 'ledger-service'],
  ['settlement-batch', 'batch-scheduler'],
  ['report-generator', 'batch-scheduler'],
  ['payments-service', 'auth-service'],
  ['payments-service', 'payments-db'],
  ['settlement-batch', 'shared-test-db'],
  ['report-generator', 'orders-db'],
  ['report-generator', 'ledger-db'],
  ['legacy-export-cron', 'payments-db'],
];

function series(now: number): CounterSeries[] {
  const calls: CounterSeries[] = serviceGraph.map(([client, server]) => ({
    name: 'traces_service_graph_request',
    labels: { client, server },
    ratePerSecond: () => 3,
  }));
  return [
    ...calls,
    ...Object.entries(stories).flatMap(([service, story]): CounterSeries[] => [
      {
        name: 'http_requests',
        labels: { service, code: '200' },
        ratePerSecond: t =>
          story.requestsPerSecond * (1 - story.errorRatio(t, now)),
      },
      {
        name: 'http_requests',
        labels: { service, code: '500' },
        ratePerSecond: t => story.requestsPerSecond * story.errorRatio(t, now),
      },
    ]),
  ];
}

async function main() {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) {
    throw new Error('usage: demo-prometheus.ts <data-dir> <port>');
  }
  const stamp = join(dataDir, 'generated-at');
  const [version, generatedAt] = existsSync(stamp)
    ? readFileSync(stamp, 'utf8').split(':').map(Number)
    : [0, 0];
  if (
    version !== DATASET_VERSION ||
    Date.now() - generatedAt > REGENERATE_AFTER
  ) {
    rmSync(dataDir, { recursive: true, force: true });
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    await backfill({
      dataDir,
      series: series(now),
      // Minute samples for the last four days (the short burn-rate windows need them), ten-minute
      // samples before, which is plenty for 30-day totals and keeps the backfill to seconds.
      grid: {
        startMs: now - 31 * DAY,
        endMs: now + DAY,
        stepSeconds: t => (t >= now - 4 * DAY ? 60 : 600),
      },
    });
    rmSync(join(dataDir, 'backfill.om'));
    writeFileSync(stamp, `${DATASET_VERSION}:${now}`);
  }
  const prometheus = await startPrometheus({ dataDir, port: Number(port) });
  process.stdout.write(`Demo Prometheus on ${prometheus.baseUrl}\n`);
  const stop = () => {
    prometheus.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
