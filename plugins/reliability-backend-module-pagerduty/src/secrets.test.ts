import {
  coreServices,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import reliabilityBackend from '@reliability-suite/backstage-plugin-reliability-backend';
import { createHmac } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { reliabilityModulePagerDuty } from './module';

/*
 * Secrets stay secret: with the PagerDuty token and webhook secrets configured, a pager that
 * fails, webhooks with wrong and right signatures, and a forged bearer token, no log line (at
 * debug level, from every plugin) and no answer holds a token, a secret or a signature.
 */

const PAGER_TOKEN = 'pd-token-4a1f9c0e7d';
const WEBHOOK_SECRET = 'whsec-8b3e2d71c5';
const FORGED = 'forged-bearer-2c9d7e';

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

let pager: Server;
let pagerUrl = '';

beforeAll(async () => {
  // PagerDuty down: every API call answers 500.
  pager = createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'Internal Error', code: 0 } }));
  });
  await new Promise<void>(done => pager.listen(0, '127.0.0.1', done));
  pagerUrl = `http://127.0.0.1:${(pager.address() as AddressInfo).port}`;
});

afterAll(() => new Promise(done => pager.close(done)));

const sign = (body: string, secret: string) =>
  `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;

function webhookEvent(id: string, service: string) {
  return JSON.stringify({
    event: {
      id: `E${id}`,
      event_type: 'incident.triggered',
      resource_type: 'incident',
      occurred_at: new Date().toISOString(),
      data: {
        id,
        type: 'incident',
        title: 'Checkout failing',
        status: 'triggered',
        urgency: 'high',
        created_at: new Date().toISOString(),
        service: { id: service, type: 'service_reference' },
      },
    },
  });
}

describe('secrets in logs and answers', () => {
  it('never logs or answers the pager token, a webhook secret, a signature or a bearer token', async () => {
    const { server } = await startTestBackend({
      features: [
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: {},
          factory: () => capturingLogger(),
        }),
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
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              escalation: {
                pagerduty: { token: PAGER_TOKEN, baseUrl: pagerUrl },
              },
              incidents: { pagerduty: { webhookSecrets: [WEBHOOK_SECRET] } },
            },
          },
        }),
      ],
    });
    const answers: string[] = [];
    const keep = (res: request.Response) => {
      answers.push(res.text);
      return res;
    };

    const escalation = keep(
      await request(server)
        .get('/api/reliability/entities/component/default/checkout/escalation')
        .set('Authorization', mockCredentials.user.header()),
    );
    expect(escalation.body.warnings[0]).toContain(
      'PagerDuty answered 500 for /services/PSVC001',
    );

    const signatures: string[] = [];
    const deliver = async (body: string, signature: string) => {
      signatures.push(signature);
      return keep(
        await request(server)
          .post('/api/reliability/webhooks/pagerduty')
          .set('Content-Type', 'application/json')
          .set('X-PagerDuty-Signature', signature)
          .send(body),
      );
    };
    const unsigned = webhookEvent('Q1', 'PSVC001');
    expect(
      (await deliver(unsigned, sign(unsigned, 'not-the-secret'))).status,
    ).toBe(401);
    const unmapped = webhookEvent('Q2', 'PUNKNOWN');
    expect(
      (await deliver(unmapped, sign(unmapped, WEBHOOK_SECRET))).status,
    ).toBe(202);
    const mapped = webhookEvent('Q3', 'PSVC001');
    expect((await deliver(mapped, sign(mapped, WEBHOOK_SECRET))).status).toBe(
      201,
    );

    // Refused by Backstage's auth service; the test backend's mock one names the token it
    // does not know in its answer, so only the logs are checked for it.
    const forged = await request(server)
      .get('/api/reliability/incidents')
      .set('Authorization', `Bearer ${FORGED}`);
    expect(forged.status).toBe(401);

    // The check sees what was logged: the unmapped delivery's line is there.
    expect(lines.join('\n')).toContain('PUNKNOWN');
    expect(lines.filter(line => line.includes(FORGED))).toEqual([]);
    for (const secret of [
      PAGER_TOKEN,
      WEBHOOK_SECRET,
      ...signatures.map(s => s.slice(3)),
    ]) {
      expect(lines.filter(line => line.includes(secret))).toEqual([]);
      expect(answers.filter(answer => answer.includes(secret))).toEqual([]);
    }
  });
});
