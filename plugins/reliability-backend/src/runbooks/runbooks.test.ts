import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DateTime } from 'luxon';
import request from 'supertest';
import { componentEntity, userEntity } from '../__testUtils__/catalogEntities';
import { reliabilityPlugin } from '../plugin';

jest.setTimeout(60_000);

const FAILOVER = 'https://wiki.example.com/orders/failover';
const ROLLBACK = 'https://wiki.example.com/orders/rollback';
const RESTART = 'https://wiki.example.com/orders/restart';
const REPLAY = 'https://wiki.example.com/orders/replay';

const orders = componentEntity('orders-service', {
  title: 'Orders service',
  links: [
    {
      url: 'https://grafana.example.com/orders',
      title: 'Dashboard',
      type: 'dashboard',
    },
    { url: FAILOVER, title: 'Database failover', type: 'runbook' },
    { url: ROLLBACK, title: 'Roll back a release', type: 'runbook' },
    { url: RESTART, title: 'Restart the workers', type: 'runbook' },
    { url: REPLAY, title: 'Replay the queue', type: 'runbook' },
  ],
  annotations: {
    'reliability.io/runbook-for':
      'Database failover: orders-availability; Roll back a release: orders-latency, SloErrorBudgetBurn',
  },
});

const dave = mockCredentials.user.header('user:default/dave');
const daysAgo = (days: number) =>
  DateTime.utc().minus({ days }).toISO({ suppressMilliseconds: true })!;

/** Audit events of the drills, with what they named and their outcome, in order. */
let audits: Array<{ eventId: string; meta: unknown; outcome?: string }>;

/** The plugin over a mock catalog; with `deny`, the permission policy denies everything. */
async function startBackend(deny = false) {
  audits = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId, meta }) => {
      const audit: (typeof audits)[number] = { eventId, meta };
      audits.push(audit);
      return {
        success: async () => {
          audit.outcome = 'success';
        },
        fail: async () => {
          audit.outcome = 'fail';
        },
      };
    },
  });
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      auditor.factory,
      catalogServiceMock.factory({
        entities: [
          orders,
          userEntity('dave', 'Dave Tanaka'),
          userEntity('erin', 'Erin Walsh'),
        ],
      }),
      ...(deny
        ? [
            mockServices.permissions.factory({
              result: AuthorizeResult.DENY,
            }),
          ]
        : []),
    ],
  });
  return server;
}

function drill(overrides: Record<string, unknown> = {}) {
  return {
    entityRef: 'component:default/orders-service',
    runbookUrl: FAILOVER,
    scenario: 'The primary database stops',
    performedAt: daysAgo(10),
    outcome: 'passed',
    minutesToMitigate: 14,
    participants: ['user:default/dave', 'erin'],
    findings: 'The replica took 9 minutes to promote.',
    ...overrides,
  };
}

function record(server: unknown, body: object) {
  return request(server as never)
    .post('/api/reliability/runbooks/drills')
    .set('Authorization', dave)
    .send(body);
}

describe('runbooks and drills', () => {
  it('requires credentials on every route', async () => {
    const server = await startBackend();
    for (const [method, path] of [
      ['get', '/entities/component/default/orders-service/runbooks'],
      ['get', '/entities/component/default/orders-service/drills'],
      ['post', '/runbooks/drills'],
    ] as const) {
      const res = await (request(server) as any)
        [method](`/api/reliability${path}`)
        .set('Authorization', mockCredentials.none.header());
      expect([method, path, res.status]).toEqual([method, path, 401]);
    }
  });

  it('marks a runbook fresh after a drill that passed 10 days ago, not one that failed or passed 100 days ago', async () => {
    const server = await startBackend();
    const passed = await record(server, drill());
    expect(passed.status).toBe(201);
    expect(passed.body).toMatchObject({
      id: expect.any(Number),
      entityRef: 'component:default/orders-service',
      participants: ['user:default/dave', 'user:default/erin'],
      recordedBy: 'user:default/dave',
    });
    await record(
      server,
      drill({ runbookUrl: ROLLBACK, outcome: 'failed' }),
    ).expect(201);
    await record(
      server,
      drill({ runbookUrl: RESTART, performedAt: daysAgo(100) }),
    ).expect(201);

    const res = await request(server)
      .get(
        '/api/reliability/entities/component/default/orders-service/runbooks',
      )
      .set('Authorization', dave);
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((r: any) => [
        r.title,
        r.covers,
        r.fresh,
        r.lastDrill?.outcome ?? null,
      ]),
    ).toEqual([
      ['Database failover', ['orders-availability'], true, 'passed'],
      [
        'Roll back a release',
        ['orders-latency', 'SloErrorBudgetBurn'],
        false,
        'failed',
      ],
      ['Restart the workers', [], false, 'passed'],
      ['Replay the queue', [], false, null],
    ]);
    expect(res.body.items[0]).toEqual({
      title: 'Database failover',
      url: FAILOVER,
      covers: ['orders-availability'],
      lastDrill: {
        performedAt: passed.body.performedAt,
        outcome: 'passed',
        minutesToMitigate: 14,
      },
      fresh: true,
      reason: `The drill on ${passed.body.performedAt.slice(0, 10)} passed`,
    });
    expect(res.body.items[2].reason).toContain('more than 90 days ago');
    expect(res.body.items[3].reason).toBe(
      'Never drilled: do not rely on it yet',
    );

    const drills = await request(server)
      .get('/api/reliability/entities/component/default/orders-service/drills')
      .query({ limit: 2 })
      .set('Authorization', dave);
    // Newest first: the failed rollback drill was recorded moments after the failover one.
    expect(drills.body.items.map((d: any) => d.runbookUrl)).toEqual([
      ROLLBACK,
      FAILOVER,
    ]);
    const rest = await request(server)
      .get('/api/reliability/entities/component/default/orders-service/drills')
      .query({ limit: 2, cursor: drills.body.cursor })
      .set('Authorization', dave);
    expect(rest.body).toEqual({
      items: [expect.objectContaining({ runbookUrl: RESTART })],
      cursor: null,
    });
  });

  it.each([
    [
      { runbookUrl: 'https://wiki.example.com/elsewhere' },
      "runbookUrl: https://wiki.example.com/elsewhere is not one of component:default/orders-service's runbooks",
    ],
    [
      { performedAt: DateTime.utc().plus({ hours: 1 }).toISO() },
      'is in the future',
    ],
    [{ outcome: 'maybe' }, 'outcome: must be one of passed, failed, partial'],
    [
      { participants: ['user:default/nobody'] },
      'participants.0: user:default/nobody is not in the catalog',
    ],
    [
      { participants: ['group:default/sre'] },
      'participants.0: group:default/sre is not a User',
    ],
    [
      { entityRef: 'component:default/nowhere' },
      'entityRef: component:default/nowhere is not in the catalog',
    ],
    [{ performedAt: '2026-02-30T10:00:00Z' }, 'performedAt: must be'],
    [{ minutesToMitigate: -1 }, 'minutesToMitigate: must not be negative'],
    [
      { scenario: 'x'.repeat(2_001) },
      'scenario: must be at most 2,000 characters',
    ],
    [{ colour: 'red' }, 'colour'],
  ])(
    'refuses a bad drill with 400 naming the field, writing nothing (%#)',
    async (change, message) => {
      const server = await startBackend();
      const res = await record(server, drill(change));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      const drills = await request(server)
        .get(
          '/api/reliability/entities/component/default/orders-service/drills',
        )
        .set('Authorization', dave);
      expect(drills.body.items).toEqual([]);
    },
  );

  it('answers 404 for the runbooks of an entity the catalog does not have', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/reliability/entities/component/default/nowhere/runbooks')
      .set('Authorization', dave);
    expect(res.status).toBe(404);
  });

  it('refuses a drill when the policy denies reliability.drill.create, audited with what it named', async () => {
    const server = await startBackend(true);
    const res = await record(server, drill());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('reliability.drill.create');
    expect(audits).toEqual([
      {
        eventId: 'drill-record',
        meta: {
          entityRef: 'component:default/orders-service',
          runbookUrl: FAILOVER,
        },
        outcome: 'fail',
      },
    ]);
  });

  it('audits a recorded drill', async () => {
    const server = await startBackend();
    await record(server, drill()).expect(201);
    expect(audits).toEqual([
      expect.objectContaining({ eventId: 'drill-record', outcome: 'success' }),
    ]);
  });
});
