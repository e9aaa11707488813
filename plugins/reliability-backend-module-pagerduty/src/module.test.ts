import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import reliabilityBackend from '@reliability-suite/backstage-plugin-reliability-backend';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { PagerDutyClient } from './PagerDutyClient';
import { reliabilityModulePagerDuty } from './module';

const TOKEN = 'u+test-token';

/**
 * A local stand-in for api.pagerduty.com serving the response shapes of PagerDuty's REST API v2
 * reference (services, escalation_policies, oncalls with classic pagination), checking the
 * headers PagerDuty requires, and answering 429 when told to.
 */
class FakePagerDuty {
  requests: string[] = [];
  rateLimitNext = 0;
  /** Answers this many requests with a 500, as during a PagerDuty outage. */
  failNext = 0;
  oncallPageSize = 2;
  private server!: Server;
  baseUrl = '';

  async start() {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>(resolve =>
      this.server.listen(0, '127.0.0.1', resolve),
    );
    this.baseUrl = `http://127.0.0.1:${
      (this.server.address() as AddressInfo).port
    }`;
  }

  stop() {
    return new Promise(resolve => this.server.close(resolve));
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers = {},
  ) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url!, this.baseUrl);
    this.requests.push(`${url.pathname}${url.search}`);
    if (
      req.headers.authorization !== `Token token=${TOKEN}` ||
      req.headers.accept !== 'application/vnd.pagerduty+json;version=2'
    ) {
      this.send(res, 401, { error: { message: 'Unauthorized', code: 2006 } });
      return;
    }
    if (this.failNext > 0) {
      this.failNext -= 1;
      this.send(res, 500, { error: { message: 'Internal Error', code: 0 } });
      return;
    }
    if (this.rateLimitNext > 0) {
      this.rateLimitNext -= 1;
      this.send(
        res,
        429,
        { error: { message: 'Rate Limit Exceeded', code: 2020 } },
        {
          'ratelimit-limit': '960',
          'ratelimit-remaining': '0',
          'ratelimit-reset': '0',
        },
      );
      return;
    }
    if (url.pathname === '/services/PSVC001') {
      this.send(res, 200, {
        service: {
          id: 'PSVC001',
          type: 'service',
          name: 'Checkout',
          summary: 'Checkout',
          html_url: 'https://example.pagerduty.com/service-directory/PSVC001',
          escalation_policy: {
            id: 'PPOL001',
            type: 'escalation_policy_reference',
            summary: 'Checkout escalation',
            html_url:
              'https://example.pagerduty.com/escalation_policies/PPOL001',
          },
        },
      });
      return;
    }
    if (url.pathname === '/services/PMISSING') {
      this.send(res, 404, { error: { message: 'Not Found', code: 2100 } });
      return;
    }
    if (url.pathname === '/escalation_policies/PPOL001') {
      this.send(res, 200, {
        escalation_policy: {
          id: 'PPOL001',
          type: 'escalation_policy',
          name: 'Checkout escalation',
          summary: 'Checkout escalation',
          num_loops: 0,
          escalation_rules: [
            {
              id: 'PRULE1',
              escalation_delay_in_minutes: 10,
              targets: [
                {
                  id: 'PSCHED1',
                  type: 'schedule_reference',
                  summary: 'Checkout primary',
                },
              ],
            },
            {
              id: 'PRULE2',
              escalation_delay_in_minutes: 20,
              targets: [
                {
                  id: 'PUSER9',
                  type: 'user_reference',
                  summary: 'Morgan Lead',
                },
              ],
            },
            {
              id: 'PRULE3',
              escalation_delay_in_minutes: 30,
              targets: [
                { id: 'PSCHED2', type: 'schedule_reference', summary: 'SRE' },
              ],
            },
          ],
        },
      });
      return;
    }
    if (url.pathname === '/oncalls') {
      const all = [
        oncall(1, 'PUSER1', 'Jamie Primary', {
          id: 'PSCHED1',
          summary: 'Checkout primary',
        }),
        oncall(2, 'PUSER9', 'Morgan Lead', null),
        oncall(3, 'PUSER3', 'Sam Sre', { id: 'PSCHED2', summary: 'SRE' }),
      ];
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Math.min(
        Number(url.searchParams.get('limit') ?? 25),
        this.oncallPageSize,
      );
      this.send(res, 200, {
        oncalls: all.slice(offset, offset + limit),
        limit,
        offset,
        more: offset + limit < all.length,
        total: null,
      });
      return;
    }
    this.send(res, 404, { error: { message: 'Not Found', code: 2100 } });
  }
}

function oncall(
  level: number,
  userId: string,
  name: string,
  schedule: { id: string; summary: string } | null,
) {
  return {
    escalation_policy: {
      id: 'PPOL001',
      type: 'escalation_policy_reference',
      summary: 'Checkout escalation',
    },
    escalation_level: level,
    schedule: schedule ? { ...schedule, type: 'schedule_reference' } : null,
    user: {
      id: userId,
      type: 'user',
      name,
      summary: name,
      email: `${name.split(' ')[0].toLowerCase()}@example.com`,
    },
    start: schedule ? '2026-11-22T00:00:00Z' : null,
    end: schedule ? '2026-11-29T00:00:00Z' : null,
  };
}

let pagerduty: FakePagerDuty;

beforeEach(async () => {
  pagerduty = new FakePagerDuty();
  await pagerduty.start();
});

afterEach(() => pagerduty.stop());

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      reliabilityBackend,
      reliabilityModulePagerDuty,
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'checkout',
              namespace: 'default',
              annotations: { 'pagerduty.com/service-id': 'PSVC001' },
            },
            spec: { type: 'service', owner: 'group:default/commerce' },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'gone',
              namespace: 'default',
              annotations: { 'pagerduty.com/service-id': 'PMISSING' },
            },
            spec: { type: 'service', owner: 'group:default/commerce' },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            escalation: {
              pagerduty: {
                token: TOKEN,
                baseUrl: pagerduty.baseUrl,
                cacheTtl: '1m',
              },
            },
          },
        },
      }),
    ],
  });
  return server;
}

describe('PagerDuty on-call provider', () => {
  it("answers an annotated entity's escalation from PagerDuty: levels with accumulated delays, on-call at each", async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/reliability/entities/component/default/checkout/escalation')
      .query({ at: '2026-11-23T12:00:00Z' })
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.escalationPolicy).toEqual({
      ref: 'pagerduty:escalation_policy/PPOL001',
      source: 'provider',
    });
    expect(res.body.levels).toEqual([
      {
        level: 1,
        delayMinutes: 0,
        targets: [
          {
            type: 'rotation',
            ref: 'pagerduty:schedule/PSCHED1',
            displayName: 'Checkout primary',
            users: ['pagerduty:user/PUSER1'],
          },
        ],
      },
      {
        level: 2,
        delayMinutes: 10,
        targets: [
          {
            type: 'user',
            ref: 'pagerduty:user/PUSER9',
            displayName: 'Morgan Lead',
            users: ['pagerduty:user/PUSER9'],
          },
        ],
      },
      {
        level: 3,
        delayMinutes: 30,
        targets: [
          {
            type: 'rotation',
            ref: 'pagerduty:schedule/PSCHED2',
            displayName: 'SRE',
            users: ['pagerduty:user/PUSER3'],
          },
        ],
      },
    ]);
    expect(
      res.body.onCall.map((o: any) => [
        o.level,
        o.displayName,
        o.email,
        o.rotation,
        o.until,
      ]),
    ).toEqual([
      [
        1,
        'Jamie Primary',
        'jamie@example.com',
        'Checkout primary',
        '2026-11-29T00:00:00Z',
      ],
      [2, 'Morgan Lead', 'morgan@example.com', null, null],
      [3, 'Sam Sre', 'sam@example.com', 'SRE', '2026-11-29T00:00:00Z'],
    ]);
    expect(res.body.contacts).toEqual({
      pagerduty: 'https://example.pagerduty.com/service-directory/PSVC001',
    });
    // Two pages of on-calls (the fake serves two per page).
    const oncallRequests = pagerduty.requests.filter(r =>
      r.startsWith('/oncalls'),
    );
    expect(oncallRequests).toHaveLength(2);
    expect(oncallRequests[0]).toContain('escalation_policy_ids%5B%5D=PPOL001');
    expect(oncallRequests[0]).toContain('since=2026-11-23T12%3A00%3A00.000Z');
    expect(oncallRequests[1]).toContain('offset=2');

    // The same minute again comes from the cache.
    const before = pagerduty.requests.length;
    await request(server)
      .get('/api/reliability/entities/component/default/checkout/escalation')
      .query({ at: '2026-11-23T12:00:30Z' })
      .set('Authorization', mockCredentials.user.header());
    expect(pagerduty.requests.length).toBe(before);
  });

  it("falls back to the catalog's policy, saying why, when PagerDuty fails", async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/reliability/entities/component/default/gone/escalation')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.escalationPolicy.source).toBe('none');
    expect(res.body.warnings[0]).toBe(
      "pagerduty is unavailable (PagerDuty answered 404 for /services/PMISSING: Not Found); showing the catalog's escalation policy instead",
    );
  });
});

describe('PagerDuty failing under a running backend', () => {
  const escalation = (server: unknown, at: string) =>
    request(server as never)
      .get('/api/reliability/entities/component/default/checkout/escalation')
      .query({ at })
      .set('Authorization', mockCredentials.user.header());

  it.each([
    [
      'answers 500',
      () => {
        pagerduty.failNext = 100;
      },
      'PagerDuty answered 500 for /services/PSVC001: Internal Error',
    ],
    [
      'keeps answering 429',
      () => {
        pagerduty.rateLimitNext = 100;
      },
      'PagerDuty answered 429 for /services/PSVC001: Rate Limit Exceeded',
    ],
  ])(
    "falls back to the catalog's policy, saying why, while PagerDuty %s, then answers from PagerDuty again by itself",
    async (_, fail, reason) => {
      const server = await startBackend();
      fail();
      const during = await escalation(server, '2026-11-23T12:00:00Z');
      expect(during.status).toBe(200);
      expect(during.body.escalationPolicy.source).toBe('none');
      expect(during.body.warnings[0]).toBe(
        `pagerduty is unavailable (${reason}); showing the catalog's escalation policy instead`,
      );
      const health = await request(server).get('/api/reliability/health');
      expect(health.status).toBe(200);

      pagerduty.failNext = 0;
      pagerduty.rateLimitNext = 0;
      // A failure is not cached: the next request, in the same minute, asks PagerDuty again.
      const after = await escalation(server, '2026-11-23T12:00:10Z');
      expect(after.status).toBe(200);
      expect(after.body.escalationPolicy).toEqual({
        ref: 'pagerduty:escalation_policy/PPOL001',
        source: 'provider',
      });
      expect(after.body.onCall[0].displayName).toBe('Jamie Primary');
    },
  );
});

describe('PagerDutyClient', () => {
  it('backs off on 429 and retries', async () => {
    pagerduty.rateLimitNext = 2;
    const client = new PagerDutyClient({
      token: TOKEN,
      baseUrl: pagerduty.baseUrl,
    });
    await expect(client.getService('PSVC001')).resolves.toMatchObject({
      id: 'PSVC001',
    });
    expect(pagerduty.requests).toEqual([
      '/services/PSVC001',
      '/services/PSVC001',
      '/services/PSVC001',
    ]);
  });

  it('gives up after repeated 429s with the reason', async () => {
    pagerduty.rateLimitNext = 10;
    const client = new PagerDutyClient({
      token: TOKEN,
      baseUrl: pagerduty.baseUrl,
    });
    await expect(client.getService('PSVC001')).rejects.toThrow(
      'PagerDuty answered 429 for /services/PSVC001: Rate Limit Exceeded',
    );
    expect(pagerduty.requests).toHaveLength(5);
  });

  it('sends the token PagerDuty expects', async () => {
    const client = new PagerDutyClient({
      token: 'wrong',
      baseUrl: pagerduty.baseUrl,
    });
    await expect(client.getService('PSVC001')).rejects.toThrow(
      'PagerDuty answered 401 for /services/PSVC001: Unauthorized',
    );
  });
});
