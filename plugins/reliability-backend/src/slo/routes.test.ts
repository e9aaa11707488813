import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { componentEntity } from '../__testUtils__/catalogEntities';
import {
  expectCredentialsRequired,
  expectErrorAnswer,
} from '../__testUtils__/expectRoute';
import { reliabilityPlugin } from '../plugin';

const entities = [
  componentEntity('orders-service', { owner: 'group:default/commerce' }),
  componentEntity('no-slos', { owner: 'group:default/commerce' }),
  {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: 'orders-availability',
      namespace: 'default',
      displayName: 'Orders availability',
      description: 'Orders accepted without a server error',
    },
    spec: {
      service: 'orders-service',
      indicatorRef: 'orders-requests',
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [
        { displayName: 'Accepted', targetPercent: 99.5 },
        { target: 0.99 },
      ],
    },
    relations: [
      { type: 'sloOf', targetRef: 'component:default/orders-service' },
    ],
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'SLI',
    metadata: { name: 'orders-requests', namespace: 'default' },
    spec: {
      ratioMetric: {
        good: {
          metricSource: { type: 'Prometheus', spec: { query: 'ok_total' } },
        },
        total: {
          metricSource: { type: 'Prometheus', spec: { query: 'all_total' } },
        },
      },
    },
  },
];

async function startBackend() {
  const { server } = await startTestBackend({
    features: [reliabilityPlugin, catalogServiceMock.factory({ entities })],
  });
  return server;
}

const user = mockCredentials.user.header();

describe('SLO routes', () => {
  it.each([
    '/entities/component/default/orders-service/slos',
    '/entities/component/default/orders-service/release-gate',
    '/slos/default/orders-availability/history',
    '/slos/default/orders-availability/rules',
  ])('%s requires credentials', async path => {
    const server = await startBackend();
    await expectCredentialsRequired(server, path);
  });

  it('lists each objective, saying what to configure when no SLI source is installed', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/reliability/entities/component/default/orders-service/slos')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toMatchObject({
      ref: 'slo:default/orders-availability',
      name: 'orders-availability',
      title: 'Orders availability',
      description: 'Orders accepted without a server error',
      objective: 0,
      objectiveName: 'Accepted',
      target: 0.995,
      timeWindow: { duration: '28d', isRolling: true },
      budgetingMethod: 'Occurrences',
      status: {
        state: 'error',
        sli: null,
        errorBudget: { consumed: null, remaining: null },
        burnRates: { '5m': null, '3d': null },
        stale: false,
      },
    });
    expect(res.body.items[0].status.errorBudget.total).toBeCloseTo(0.005, 12);
    expect(res.body.items[0].status.error).toMatch(
      /set reliability\.prometheus\.baseUrl/,
    );
    expect(res.body.items[1]).toMatchObject({ objective: 1, target: 0.99 });
  });

  it('answers the release gate with the worst state and its reasons', async () => {
    const server = await startBackend();
    const gated = await request(server)
      .get(
        '/api/reliability/entities/component/default/orders-service/release-gate',
      )
      .set('Authorization', user);
    expect(gated.status).toBe(200);
    expect(gated.body).toMatchObject({
      entityRef: 'component:default/orders-service',
      state: 'error',
      slos: [
        {
          ref: 'slo:default/orders-availability',
          objective: 0,
          state: 'error',
          errorBudgetRemaining: null,
        },
        {
          ref: 'slo:default/orders-availability',
          objective: 1,
          state: 'error',
          errorBudgetRemaining: null,
        },
      ],
    });
    expect(gated.body.reasons[0]).toMatch(
      /^Orders availability \(target 99\.5% over 28d\): cannot be evaluated: No Prometheus is configured/,
    );

    const none = await request(server)
      .get('/api/reliability/entities/component/default/no-slos/release-gate')
      .set('Authorization', user);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({
      entityRef: 'component:default/no-slos',
      state: 'no-slos',
      slos: [],
      reasons: ['component:default/no-slos has no SLOs'],
    });
  });

  it.each([
    [
      '/entities/component/default/missing/slos',
      404,
      'No entity component:default/missing in the catalog',
    ],
    [
      '/entities/component/default/missing/release-gate',
      404,
      'No entity component:default/missing in the catalog',
    ],
    [
      '/slos/default/missing/history',
      404,
      'No SLO slo:default/missing in the catalog',
    ],
    [
      '/slos/default/missing/rules',
      404,
      'No SLO slo:default/missing in the catalog',
    ],
    [
      '/entities/component/default/bad%20name!/slos',
      400,
      'Malformed entity in the path: name "bad name!" is not valid',
    ],
    [
      '/entities/comp%20onent/default/x/release-gate',
      400,
      'Malformed entity in the path: kind "comp onent" is not valid',
    ],
    [
      '/slos/default/orders-availability/history?from=yesterday',
      400,
      'from: must be an ISO-8601 time',
    ],
    // Read as a time, this used to reach the SLI source and answer 503 as if it were down.
    [
      '/slos/default/orders-availability/history?from=-271821-04-20T00:00:00Z',
      400,
      'from: must be an ISO-8601 time with a zone from 2000 to 2100',
    ],
    [
      '/slos/default/orders-availability/history?from=1',
      400,
      'from: must be an ISO-8601 time with a zone from 2000 to 2100, got "1"',
    ],
    [
      '/slos/default/orders-availability/history?to=%2B275760-09-13T00:00:00.000Z',
      400,
      'to: must be an ISO-8601 time',
    ],
    [
      '/slos/default/orders-availability/history?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z',
      400,
      'from must not be after to',
    ],
    [
      '/slos/default/orders-availability/history?objective=7',
      400,
      'slo:default/orders-availability has no objective 7; it has 2',
    ],
    [
      '/slos/default/orders-availability/rules',
      503,
      'No Prometheus is configured',
    ],
  ])('%s answers %p', async (path, status, message) => {
    const server = await startBackend();
    await expectErrorAnswer(server, path, status, message);
  });
});
