import {
  coreServices,
  createServiceFactory,
  RootLoggerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  backfill,
  RunningPrometheus,
  startPrometheus,
} from '@reliability-suite/prometheus-testkit';
import reliabilityBackend from '@reliability-suite/backstage-plugin-reliability-backend';
import { SloItem } from '@reliability-suite/backstage-plugin-reliability-common';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { reliabilityModulePrometheus } from './module';
import { componentEntity, sloEntity } from './__testUtils__/sloEntities';

/*
 * Prometheus failing the ways it fails during an outage, between the backend and a real
 * Prometheus: refusing connections, slower than the timeout, answering 500, answering garbage.
 * Each time the backend keeps serving the last values marked stale with the reason, and
 * measures again by itself once Prometheus is back.
 */

jest.setTimeout(180_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TIMEOUT_MS = 1_000;
const now = Math.floor(Date.now() / MINUTE) * MINUTE;
// Sent to Prometheus on every query: it must never show in a log line or an SLO's status.
const PROMETHEUS_AUTHORIZATION = 'Bearer prom-secret-5e81c7a2';

/** Every line any plugin logs, with its metadata. */
const lines: string[] = [];
function capturingLogger(meta: object = {}): RootLoggerService {
  const log = (level: string) => (message: string, extra?: object) => {
    lines.push(JSON.stringify({ level, message, ...meta, ...extra }));
  };
  return {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: childMeta => capturingLogger({ ...meta, ...childMeta }),
  };
}

type Fault =
  | 'none'
  | 'refused'
  | 'slow'
  | 'status-500'
  | 'garbage'
  | 'wrong-shape';

/** A proxy in front of Prometheus that fails as told. */
class FaultyProxy {
  fault: Fault = 'none';
  private server: Server | undefined;
  port = 0;

  constructor(private readonly target: string) {}

  async start() {
    this.server = createServer((req, res) => {
      if (this.fault === 'slow') {
        // Answers only after the client has given up.
        setTimeout(() => res.destroy(), TIMEOUT_MS * 3).unref();
        return;
      }
      if (this.fault === 'status-500') {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error');
        return;
      }
      if (this.fault === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<html>proxy error</html>');
        return;
      }
      if (this.fault === 'wrong-shape') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            status: 'success',
            data: { resultType: 'vector', result: 'garbage' },
          }),
        );
        return;
      }
      const upstream = httpRequest(
        `${this.target}${req.url}`,
        { method: req.method, headers: req.headers },
        answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>(done =>
      this.server!.listen(this.port, '127.0.0.1', done),
    );
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop() {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise(done => server?.close(done) ?? done(undefined));
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }
}

const entities = [
  componentEntity('checkout'),
  sloEntity({
    name: 'checkout-availability',
    service: 'checkout',
    indicator: {
      bad: 'http_requests_total{service="checkout",code="500"}',
      total: 'http_requests_total{service="checkout"}',
    },
    target: 0.99,
    timeWindow: { duration: '1d', isRolling: true },
  }),
];

let prometheus: RunningPrometheus;
let dataDir: string;
let proxy: FaultyProxy;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reliability-prometheus-faults-'));
  await backfill({
    dataDir,
    series: ['200', '500'].map(code => ({
      name: 'http_requests',
      labels: { service: 'checkout', code },
      ratePerSecond: () => (code === '200' ? 99.9 : 0.1),
    })),
    grid: {
      startMs: now - 2 * 24 * HOUR,
      endMs: now + HOUR,
      stepSeconds: () => 60,
    },
  });
  prometheus = await startPrometheus({ dataDir });
  proxy = new FaultyProxy(prometheus.baseUrl);
  await proxy.start();
});

afterAll(async () => {
  await proxy?.stop();
  await prometheus?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function startBackend() {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const scheduler = mockServices.scheduler.mock({
    async scheduleTask(task) {
      tasks.set(task.id, task);
    },
  });
  const { server } = await startTestBackend({
    features: [
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => capturingLogger(),
      }),
      scheduler.factory,
      reliabilityBackend,
      reliabilityModulePrometheus,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            prometheus: {
              baseUrl: proxy.baseUrl,
              timeout: `${TIMEOUT_MS}ms`,
              headers: { Authorization: PROMETHEUS_AUTHORIZATION },
            },
          },
        },
      }),
    ],
  });
  const evaluate = () =>
    tasks.get('reliability-slo-evaluation')!.fn(new AbortController().signal);
  return { server, evaluate };
}

async function slo(server: unknown): Promise<SloItem> {
  const res = await request(server as never)
    .get('/api/reliability/entities/component/default/checkout/slos')
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body.items[0];
}

describe('Prometheus failing under a running backend', () => {
  it.each([
    ['refused', /unreachable: (ECONNREFUSED|UND_ERR_SOCKET)/],
    ['slow', new RegExp(`did not answer within ${TIMEOUT_MS} ms`)],
    [
      'status-500',
      /answered 500 Internal Server Error without a Prometheus API body/,
    ],
    ['garbage', /answered 200 OK without a Prometheus API body/],
    ['wrong-shape', /answered a result that is not a vector/],
  ] as const)(
    'serves the last values marked stale while it is %s, then recovers by itself',
    async (fault, reason) => {
      const { server, evaluate } = await startBackend();
      await evaluate();
      const measured = await slo(server);
      expect(measured.status.stale).toBe(false);
      const gate = () =>
        request(server)
          .get(
            '/api/reliability/entities/component/default/checkout/release-gate',
          )
          .set('Authorization', mockCredentials.user.header());
      const gateBefore = await gate();

      if (fault === 'refused') {
        await proxy.stop();
      } else {
        proxy.fault = fault;
      }
      try {
        await evaluate();
        const during = await slo(server);
        expect(during.status).toMatchObject({
          state: measured.status.state,
          sli: measured.status.sli,
          evaluatedAt: measured.status.evaluatedAt,
          stale: true,
        });
        expect(during.status.error).toMatch(reason);
        expect(JSON.stringify(during)).not.toContain('prom-secret');
        const gateDuring = await gate();
        expect(gateDuring.status).toBe(200);
        expect(gateDuring.body.state).toBe(gateBefore.body.state);
        const health = await request(server).get('/api/reliability/health');
        expect(health.status).toBe(200);
      } finally {
        proxy.fault = 'none';
        if (fault === 'refused') await proxy.start();
      }

      // The next cycle measures again: no restart, nothing to clear.
      await evaluate();
      const after = await slo(server);
      expect(after.status.stale).toBe(false);
      expect(after.status.error ?? null).toBeNull();
      expect(new Date(after.status.evaluatedAt!).getTime()).toBeGreaterThan(
        new Date(measured.status.evaluatedAt!).getTime(),
      );
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter(line => line.includes('prom-secret'))).toEqual([]);
    },
  );
});
