import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { componentEntity } from '../__testUtils__/catalogEntities';
import { changingCatalog } from '../__testUtils__/changingCatalog';
import { reliabilityPlugin } from '../plugin';
import { incidentCatalog } from './__testUtils__/incidentFixture';
import { hasValidSignature, severityOf } from './pagerDutyWebhook';

jest.setTimeout(60_000);

const OLD_SECRET = 'old-secret';
const NEW_SECRET = 'new-secret';

const checkout = componentEntity('checkout', {
  owner: 'group:default/payments',
  annotations: { 'pagerduty.com/service-id': 'PCHECKOUT' },
});

/** Audit events of the webhook, with their outcome, in order. */
let audits: Array<{ eventId: string; outcome?: string }>;

/** The backend; with `lateCheckout`, the catalog gains the checkout service after start. */
async function startBackend(options: { lateCheckout?: boolean } = {}) {
  audits = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId }) => {
      const record: { eventId: string; outcome?: string } = { eventId };
      audits.push(record);
      return {
        success: async () => {
          record.outcome = 'success';
        },
        fail: async () => {
          record.outcome = 'fail';
        },
      };
    },
  });
  const full = catalogServiceMock({ entities: [...incidentCatalog, checkout] });
  const catalog = changingCatalog(
    options.lateCheckout
      ? catalogServiceMock({ entities: incidentCatalog })
      : full,
  );
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      auditor.factory,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog.service,
      }),
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            incidents: {
              pagerduty: { webhookSecrets: [OLD_SECRET, NEW_SECRET] },
            },
          },
        },
      }),
    ],
  });
  catalog.swap(full);
  return server;
}

/** PagerDuty's v3 webhook body for one event on incident PINC1 of `service`. */
function event(
  eventType: string,
  options: { id?: string; service?: string; occurredAt?: string } = {},
) {
  return JSON.stringify({
    event: {
      id: options.id ?? `01${eventType}`,
      event_type: eventType,
      resource_type: 'incident',
      occurred_at: options.occurredAt ?? '2026-11-20T10:02:00.000Z',
      data: {
        id: 'PINC1',
        type: 'incident',
        html_url: 'https://acme.pagerduty.com/incidents/PINC1',
        title: 'Checkout errors above 5%',
        created_at: '2026-11-20T10:00:00Z',
        urgency: 'high',
        service: {
          id: options.service ?? 'PCHECKOUT',
          type: 'service_reference',
        },
        priority: { summary: 'P1', type: 'priority_reference' },
      },
    },
  });
}

const sign = (body: string, secret: string) =>
  `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;

function deliver(
  server: unknown,
  body: string,
  headers: Record<string, string> = {},
) {
  return request(server as never)
    .post('/api/reliability/webhooks/pagerduty')
    .set('Content-Type', 'application/json')
    .set(headers)
    .send(body);
}

async function checkoutIncidents(server: unknown) {
  const res = await request(server as never)
    .get('/api/reliability/entities/component/default/checkout/incidents')
    .set('Authorization', mockCredentials.user.header());
  return res.body.items;
}

describe('PagerDuty webhook', () => {
  it('refuses a delivery without a valid signature, writing nothing', async () => {
    const server = await startBackend();
    const body = event('incident.triggered');
    for (const headers of [
      {} as Record<string, string>,
      { 'X-PagerDuty-Signature': sign(body, 'someone-else') },
      { 'X-PagerDuty-Signature': 'v1=zz' },
      // Signed, but not this body.
      { 'X-PagerDuty-Signature': sign(`${body} `, OLD_SECRET) },
    ]) {
      const res = await deliver(server, body, headers);
      expect(res.status).toBe(401);
    }
    expect(await checkoutIncidents(server)).toEqual([]);
  });

  it('declares, acknowledges and resolves an incident of a mapped service, each delivery once', async () => {
    const server = await startBackend();
    const triggered = event('incident.triggered');
    // PagerDuty signs with every secret while one is rotated: the new one alone passes too.
    const res = await deliver(server, triggered, {
      'X-PagerDuty-Signature': `v1=${'0'.repeat(64)}, ${sign(
        triggered,
        NEW_SECRET,
      )}`,
      'X-Webhook-Id': 'delivery-1',
    });
    expect(res.status).toBe(201);
    const [incident] = await checkoutIncidents(server);
    expect(incident).toMatchObject({
      title: 'Checkout errors above 5%',
      severity: 'SEV1',
      status: 'investigating',
      cause: 'unknown',
      startedAt: '2026-11-20T10:00:00.000Z',
      detectedAt: '2026-11-20T10:00:00.000Z',
      declaredAt: null,
      entities: [{ entityRef: 'component:default/checkout', role: 'affected' }],
      externalRefs: [
        {
          system: 'pagerduty',
          id: 'PINC1',
          url: 'https://acme.pagerduty.com/incidents/PINC1',
        },
      ],
      createdBy: 'pagerduty',
    });

    // The same delivery again, and the same event in another delivery: nothing changes.
    for (const webhookId of ['delivery-1', 'delivery-2']) {
      const again = await deliver(server, triggered, {
        'X-PagerDuty-Signature': sign(triggered, OLD_SECRET),
        'X-Webhook-Id': webhookId,
      });
      expect(again.status).toBe(200);
    }
    expect(await checkoutIncidents(server)).toHaveLength(1);

    const acknowledged = event('incident.acknowledged', {
      occurredAt: '2026-11-20T10:04:00Z',
    });
    await deliver(server, acknowledged, {
      'X-PagerDuty-Signature': sign(acknowledged, OLD_SECRET),
      'X-Webhook-Id': 'delivery-3',
    }).expect(200);
    const resolved = event('incident.resolved', {
      occurredAt: '2026-11-20T10:40:00Z',
    });
    await deliver(server, resolved, {
      'X-PagerDuty-Signature': sign(resolved, OLD_SECRET),
      'X-Webhook-Id': 'delivery-4',
    }).expect(200);
    const [after] = await checkoutIncidents(server);
    expect(after).toMatchObject({
      id: incident.id,
      declaredAt: '2026-11-20T10:04:00.000Z',
      status: 'resolved',
      resolvedAt: '2026-11-20T10:40:00.000Z',
      version: 3,
    });

    // Reopened here; the resolution delivered again, or in another delivery, resolves nothing.
    await request(server as never)
      .patch(`/api/reliability/incidents/${incident.id}`)
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:reliability'),
          targetPluginId: 'reliability',
        }),
      )
      .send({ version: 3, status: 'monitoring' })
      .expect(200);
    for (const webhookId of ['delivery-4', 'delivery-5']) {
      const again = await deliver(server, resolved, {
        'X-PagerDuty-Signature': sign(resolved, NEW_SECRET),
        'X-Webhook-Id': webhookId,
      });
      expect(again.body.outcome).toBe('delivered before; nothing changed');
    }
    const [reopened] = await checkoutIncidents(server);
    expect(reopened).toMatchObject({
      status: 'monitoring',
      resolvedAt: null,
      version: 4,
    });
    // Each applied delivery is audited; repeats change nothing and are not.
    expect(audits.filter(a => a.eventId === 'incident-webhook')).toEqual([
      { eventId: 'incident-webhook', outcome: 'success' },
      { eventId: 'incident-webhook', outcome: 'success' },
      { eventId: 'incident-webhook', outcome: 'success' },
    ]);
  });

  it('finds a service the catalog has before the index does', async () => {
    const server = await startBackend({ lateCheckout: true });
    const body = event('incident.triggered');
    const res = await deliver(server, body, {
      'X-PagerDuty-Signature': sign(body, OLD_SECRET),
    });
    expect(res.status).toBe(201);
    expect(await checkoutIncidents(server)).toHaveLength(1);
  });

  it('answers 202 for a service no entity is annotated with, recording nothing', async () => {
    const server = await startBackend();
    const body = event('incident.triggered', { service: 'PUNKNOWN' });
    const res = await deliver(server, body, {
      'X-PagerDuty-Signature': sign(body, OLD_SECRET),
    });
    expect(res.status).toBe(202);
    expect(res.body.outcome).toContain('PUNKNOWN');
    expect(await checkoutIncidents(server)).toEqual([]);
  });
});

describe('severityOf', () => {
  it.each([
    [{ priority: { summary: 'P2' } }, 'SEV2'],
    [{ priority: { name: 'P4' } }, 'SEV4'],
    [{ priority: { summary: 'Critical' }, urgency: 'high' }, 'SEV2'],
    [{ priority: null, urgency: 'low' }, 'SEV3'],
    [{}, 'SEV2'],
  ])('%p → %s', (data, severity) => {
    expect(severityOf(data as any)).toBe(severity);
  });
});

describe('hasValidSignature', () => {
  it('passes no delivery when no secret is configured', () => {
    const body = Buffer.from('{}');
    expect(hasValidSignature(body, sign('{}', OLD_SECRET), [])).toBe(false);
    expect(hasValidSignature(body, sign('{}', OLD_SECRET), [OLD_SECRET])).toBe(
      true,
    );
  });
});
