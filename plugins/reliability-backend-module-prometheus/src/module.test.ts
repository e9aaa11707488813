import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  backfill,
  CounterSeries,
  RunningPrometheus,
  startPrometheus,
} from '@reliability-suite/prometheus-testkit';
import reliabilityBackend from '@reliability-suite/backstage-plugin-reliability-backend';
import {
  parseSloSpec,
  resolveTimeWindow,
  SloItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { reliabilityModulePrometheus } from './module';
import { componentEntity, sloEntity } from './__testUtils__/sloEntities';

jest.setTimeout(180_000);

const MINUTE = 60_000;
const DAY = 86_400_000;
// The dataset runs from 31 days ago to an hour ahead, so "now" stays inside it while tests run.
const now = Math.floor(Date.now() / MINUTE) * MINUTE;
const startMs = now - 31 * DAY;
const endMs = now + 60 * MINUTE;
// Where the checkout service started failing: 2% of requests since then, 0.05% before.
const incidentStart = now - 2 * DAY;

/** Requests per second and the share of them that fail, per service, at any instant. */
const services: Record<
  string,
  { requests: number; errorRatio: (t: number) => number }
> = {
  steady: { requests: 10, errorRatio: () => 0.0004 },
  checkout: {
    requests: 20,
    errorRatio: t => (t >= incidentStart ? 0.02 : 0.0005),
  },
  // Every tenth minute is a bad minute (10% errors); the others fail 0.1% of requests.
  flaky: {
    requests: 5,
    errorRatio: t => (Math.floor(t / MINUTE) % 10 === 0 ? 0.1 : 0.001),
  },
};

// Tempo's service graph: checkout calls steady (undeclared) and a gateway the catalog lacks.
const serviceGraph: CounterSeries[] = [
  ['checkout', 'steady'],
  ['checkout', 'payments-gateway'],
].map(([client, server]) => ({
  name: 'traces_service_graph_request',
  labels: { client, server },
  ratePerSecond: () => 2,
}));

const series: CounterSeries[] = Object.entries(services).flatMap(
  ([service, { requests, errorRatio }]) => [
    {
      name: 'http_requests',
      labels: { service, code: '200' },
      ratePerSecond: t => requests * (1 - errorRatio(t)),
    },
    {
      name: 'http_requests',
      labels: { service, code: '500' },
      ratePerSecond: t => requests * errorRatio(t),
    },
  ],
);

/** Good and total requests of a service over (from, to], from the rates above, minute by minute. */
function expectedCounts(service: string, from: number, to: number) {
  const { requests, errorRatio } = services[service];
  let good = 0;
  let total = 0;
  for (let t = Math.ceil(from / MINUTE) * MINUTE; t < to; t += MINUTE) {
    total += requests * 60;
    good += requests * 60 * (1 - errorRatio(t));
  }
  return { good, total, sli: good / total };
}

const selectors = (service: string) => ({
  bad: `http_requests_total{service="${service}",code="500"}`,
  total: `http_requests_total{service="${service}"}`,
});

const entities = [
  componentEntity('steady'),
  componentEntity('checkout'),
  componentEntity('flaky'),
  sloEntity({
    name: 'steady-availability',
    service: 'steady',
    indicator: selectors('steady'),
    target: 0.999,
    timeWindow: { duration: '30d', isRolling: true },
  }),
  sloEntity({
    name: 'checkout-availability',
    service: 'checkout',
    indicator: {
      good: 'sum(increase(http_requests_total{service="checkout",code="200"}[{{window}}]))',
      total:
        'sum(increase(http_requests_total{service="checkout"}[{{window}}]))',
    },
    target: 0.995,
    timeWindow: { duration: '28d', isRolling: true },
  }),
  sloEntity({
    name: 'checkout-monthly',
    service: 'checkout',
    indicator: selectors('checkout'),
    target: 0.99,
    timeWindow: {
      duration: '1M',
      isRolling: false,
      calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'Europe/Berlin' },
    },
  }),
  sloEntity({
    name: 'flaky-minutes',
    service: 'flaky',
    indicator: selectors('flaky'),
    target: 0.8,
    timeWindow: { duration: '7d', isRolling: true },
    budgetingMethod: 'Timeslices',
    objective: { timeSliceTarget: 0.95, timeSliceWindow: '1m' },
  }),
  sloEntity({
    name: 'flaky-broken-query',
    service: 'flaky',
    indicator: { bad: 'http_requests_total{service="flaky"', total: 'up' },
    target: 0.99,
    timeWindow: { duration: '7d', isRolling: true },
  }),
];

let prometheus: RunningPrometheus;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reliability-prometheus-'));
  await backfill({
    dataDir,
    series: [...series, ...serviceGraph],
    grid: { startMs, endMs, stepSeconds: () => 60 },
  });
  prometheus = await startPrometheus({ dataDir });
});

afterAll(async () => {
  await prometheus?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts the backend; its evaluation task runs when the test says so. */
async function startBackend() {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const scheduler = mockServices.scheduler.mock({
    async scheduleTask(task) {
      tasks.set(task.id, task);
    },
  });
  const { server } = await startTestBackend({
    features: [
      scheduler.factory,
      reliabilityBackend,
      reliabilityModulePrometheus,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            prometheus: { baseUrl: prometheus.baseUrl, timeout: '5s' },
          },
        },
      }),
    ],
  });
  const run = (id: string) => tasks.get(id)!.fn(new AbortController().signal);
  expect([...tasks.keys()]).toContain('reliability-slo-evaluation');
  const evaluate = () => run('reliability-slo-evaluation');
  return { server, evaluate, run };
}

async function getSlos(server: unknown, service: string): Promise<SloItem[]> {
  const res = await request(server as never)
    .get(`/api/reliability/entities/component/default/${service}/slos`)
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('SLOs measured by a real Prometheus', () => {
  it('reports SLI, budget, burn rates and alerts within tolerance of the generator', async () => {
    const { server, evaluate } = await startBackend();
    await evaluate();

    const [steady] = await getSlos(server, 'steady');
    const at = Date.parse(steady.status.evaluatedAt!);
    const expectedSteady = expectedCounts('steady', at - 30 * DAY, at);
    expect(steady.status.sli).toBeCloseTo(expectedSteady.sli, 4);
    // 0.04% errors against a 0.1% budget: 40% of it spent.
    expect(steady.status.errorBudget.remaining).toBeCloseTo(0.6, 1);
    expect(Math.abs(steady.status.errorBudget.remaining! - 0.6)).toBeLessThan(
      0.02,
    );
    expect(steady.status.burnRates['1h']).toBeCloseTo(0.4, 3);
    expect(steady.status.state).toBe('ok');
    expect(steady.status.alerts.map(a => [a.factor, a.firing])).toEqual([
      [14.4, false],
      [6, false],
      [3, false],
      [1, false],
    ]);

    const items = await getSlos(server, 'checkout');
    const rolling = items.find(i => i.name === 'checkout-availability')!;
    const rollingAt = Date.parse(rolling.status.evaluatedAt!);
    const expectedRolling = expectedCounts(
      'checkout',
      rollingAt - 28 * DAY,
      rollingAt,
    );
    expect(Math.abs(rolling.status.sli! - expectedRolling.sli)).toBeLessThan(
      1e-4,
    );
    const expectedRemaining = 1 - (1 - expectedRolling.sli) / 0.005;
    expect(
      Math.abs(rolling.status.errorBudget.remaining! - expectedRemaining),
    ).toBeLessThan(0.02);
    // 2% errors for two days against a 0.5% budget: burning 4× in every window up to 1d.
    expect(rolling.status.burnRates['5m']).toBeCloseTo(4, 3);
    expect(rolling.status.burnRates['1d']).toBeCloseTo(4, 3);
    expect(
      rolling.status.alerts.find(a => a.longWindow === '1d'),
    ).toMatchObject({
      severity: 'ticket',
      firing: true,
    });
    // Over 28 days: 26 at 0.05% and 2 at 2% errors, 0.189% in all against a 0.5% budget, so
    // 62% of it is left; the firing 1d ticket alert makes the SLO a warning, not ok.
    expect(expectedRemaining).toBeCloseTo(0.621, 2);
    expect(rolling.status.state).toBe('warning');

    const calendar = items.find(i => i.name === 'checkout-monthly')!;
    const calendarAt = Date.parse(calendar.status.evaluatedAt!);
    const spec = parseSloSpec(entities[5].spec).value!;
    const period = resolveTimeWindow(spec.timeWindow, new Date(calendarAt));
    expect(calendar.timeWindow).toEqual({
      duration: '1M',
      isRolling: false,
      start: period.start.toISOString(),
      end: period.end.toISOString(),
    });
    const expectedCalendar = expectedCounts(
      'checkout',
      period.start.getTime(),
      calendarAt,
    );
    expect(Math.abs(calendar.status.sli! - expectedCalendar.sli)).toBeLessThan(
      1e-4,
    );
    expect(
      Math.abs(
        calendar.status.errorBudget.remaining! -
          (1 - (1 - expectedCalendar.sli) / 0.01),
      ),
    ).toBeLessThan(0.02);

    const flaky = await getSlos(server, 'flaky');
    const minutes = flaky.find(i => i.name === 'flaky-minutes')!;
    // One bad slice in ten: 90% of the counted slices are good, whatever the events say.
    expect(minutes.budgetingMethod).toBe('Timeslices');
    expect(Math.abs(minutes.status.sli! - 0.9)).toBeLessThan(2e-4);
    expect(minutes.status.errorBudget.remaining).toBeCloseTo(0.5, 2);
    // Burn rates stay event-based: about 1.09% errors against a 20% budget.
    const eventErrors = (0.1 + 9 * 0.001) / 10;
    expect(minutes.status.burnRates['1d']).toBeCloseTo(eventErrors / 0.2, 3);

    const broken = flaky.find(i => i.name === 'flaky-broken-query')!;
    expect(broken.status.state).toBe('error');
    expect(broken.status.error).toMatch(
      /Prometheus rejected the query \(bad_data\)/,
    );
  });

  it('keeps the last values, marked stale, while Prometheus is down, and keeps serving', async () => {
    const { server, evaluate } = await startBackend();
    await evaluate();
    const before = await getSlos(server, 'steady');
    expect(before[0].status.stale).toBe(false);

    await prometheus.stop();
    try {
      await evaluate();
      const after = await getSlos(server, 'steady');
      expect(after[0].status).toMatchObject({
        state: before[0].status.state,
        sli: before[0].status.sli,
        evaluatedAt: before[0].status.evaluatedAt,
        stale: true,
      });
      expect(after[0].status.error).toMatch(/unreachable|did not answer/);

      const releaseGate = await request(server)
        .get('/api/reliability/entities/component/default/steady/release-gate')
        .set('Authorization', mockCredentials.user.header());
      expect(releaseGate.status).toBe(200);
      expect(releaseGate.body.state).toBe(before[0].status.state);
    } finally {
      prometheus = await startPrometheus({ dataDir });
    }
  });

  it('serves the budget history and Prometheus rules of an SLO', async () => {
    const { server } = await startBackend();
    const history = await request(server)
      .get('/api/reliability/slos/default/checkout-availability/history')
      .query({
        from: new Date(now - 7 * DAY).toISOString(),
        to: new Date(now).toISOString(),
      })
      .set('Authorization', mockCredentials.user.header());
    expect(history.status).toBe(200);
    expect(history.body.points.length).toBeGreaterThan(500);
    expect(history.body.points.length).toBeLessThanOrEqual(1001);
    const last = history.body.points[history.body.points.length - 1];
    const expected = expectedCounts('checkout', now - 28 * DAY, now);
    expect(Math.abs(last.sli - expected.sli)).toBeLessThan(2e-4);
    const first = history.body.points[0];
    const expectedFirst = expectedCounts(
      'checkout',
      now - 35 * DAY,
      now - 7 * DAY,
    );
    // Seven days ago the window held only quiet days (0.05% errors: 90% of the budget left).
    expect(first.errorBudgetRemaining).toBeCloseTo(
      1 - (1 - expectedFirst.sli) / 0.005,
      1,
    );

    const rules = await request(server)
      .get('/api/reliability/slos/default/steady-availability/rules')
      .set('Authorization', mockCredentials.user.header());
    expect(rules.status).toBe(200);
    expect(rules.headers['content-type']).toMatch(/yaml/);
    expect(rules.text).toContain('record: slo:sli_error:ratio_rate5m');
    expect(rules.text).toContain(
      'slo:sli_error:ratio_rate1h{slo="slo:default/steady-availability", entity="component:default/steady", objective="0"} > (14.4 * 0.001)',
    );
    expect(rules.text).toContain('severity: page');
  });

  it('observes dependencies in the service graph and shows the undeclared ones as hidden', async () => {
    const { server, run } = await startBackend();
    await run('reliability-dependency-observer-prometheus-service-graph');
    const res = await request(server)
      .get('/api/reliability/entities/component/default/checkout/dependencies')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.hidden).toEqual([
      expect.objectContaining({
        source: 'component:default/checkout',
        target: 'component:default/steady',
        direction: 'upstream',
        evidence: [
          expect.objectContaining({
            kind: 'traffic',
            detail:
              'Prometheus service graph: sum by (client, server) (increase(traces_service_graph_request_total[1h])) > 0',
            count: 1,
          }),
        ],
      }),
    ]);
    expect(res.body.unknown.map((e: any) => e.target)).toEqual([
      'component:default/payments-gateway',
    ]);
  });
});
