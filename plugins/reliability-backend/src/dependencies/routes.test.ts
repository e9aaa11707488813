import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  componentEntity,
  groupEntity,
  userEntity,
} from '../__testUtils__/catalogEntities';
import { createTestDependencyService } from './__testUtils__/createTestDependencyService';
import { createDependencyRoutes } from './routes';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

// Payments owns the report generator; Bob is a member, Carol is not.
const catalog = [
  componentEntity('report-generator', { owner: 'group:default/payments' }),
  {
    ...groupEntity('payments'),
    relations: [{ type: 'hasMember', targetRef: 'user:default/bob' }],
  },
  userEntity('bob', 'Bob Okafor'),
  userEntity('carol', 'Carol Novak'),
];

async function setup(
  decision:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const permissions = mockServices.permissions.mock({
    authorize: async requests => requests.map(() => ({ result: decision })),
  });
  const {
    service: dependencies,
    observations,
    catalogIndex,
  } = await createTestDependencyService({
    catalog: catalogServiceMock({ entities: catalog }),
    knex: await databases.init('SQLITE_3'),
  });
  const audits: Array<{ eventId: string; outcome?: string }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId }) => {
      const audit: (typeof audits)[number] = { eventId };
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
  const app = express()
    .use(
      createDependencyRoutes({
        httpAuth: mockServices.httpAuth(),
        permissions,
        dependencies,
        catalogIndex,
        auditor,
      }),
    )
    .use(mockErrorHandler());
  return { app, observations, permissions, audits };
}

const edges = [
  {
    source: 'component:default/orders-service',
    target: 'component:config-service',
    evidence: 'traffic',
  },
  {
    source: 'component:payments-service',
    target: 'component:default/auth-service',
    evidence: 'incident',
    detail: 'INC-7',
    observedAt: '2026-11-20T10:00:00Z',
  },
];

describe('observation routes', () => {
  it('lets a service principal record edges, idempotently', async () => {
    const { app, observations, permissions } = await setup(
      AuthorizeResult.DENY,
    );
    for (let i = 0; i < 2; i++) {
      const res = await request(app)
        .post('/observations')
        .set('Authorization', mockCredentials.service.header())
        .send({ edges });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ recorded: 2 });
    }
    expect(permissions.authorize).not.toHaveBeenCalled();
    const stored = await observations.listObservations();
    expect(
      stored.map(o => [o.source, o.target, o.evidence, o.detail, o.count]),
    ).toEqual([
      [
        'component:default/orders-service',
        'component:default/config-service',
        'traffic',
        '',
        2,
      ],
      [
        'component:default/payments-service',
        'component:default/auth-service',
        'incident',
        'INC-7',
        2,
      ],
    ]);
  });

  it('lets users with reliability.observation.create record, and no one else', async () => {
    const allowed = await setup(AuthorizeResult.ALLOW);
    const ok = await request(allowed.app)
      .post('/observations')
      .set('Authorization', mockCredentials.user.header())
      .send({ edges });
    expect(ok.status).toBe(200);
    expect(allowed.permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'reliability.observation.create',
          }),
        },
      ],
      expect.anything(),
    );

    const denied = await setup(AuthorizeResult.DENY);
    const res = await request(denied.app)
      .post('/observations')
      .set('Authorization', mockCredentials.user.header())
      .send({ edges });
    expect(res.status).toBe(403);
    await expect(denied.observations.listObservations()).resolves.toEqual([]);

    const anonymous = await request(denied.app)
      .post('/observations')
      .set('Authorization', mockCredentials.none.header())
      .send({ edges });
    expect(anonymous.status).toBe(401);
  });

  it.each([
    [
      { source: 'orders-service', target: 'component:x', evidence: 'traffic' },
      'edges[2].source: "orders-service" is not an entity ref',
    ],
    [
      { source: 'component:x', target: '', evidence: 'traffic' },
      'edges[2].target: "" is not an entity ref',
    ],
    [
      { source: 'component:x', target: 'component:y', evidence: 'gossip' },
      'edges[2].evidence: "gossip" is not one of traffic, incident, probe, manual',
    ],
    [
      {
        source: 'component:x',
        target: 'component:y',
        evidence: 'probe',
        observedAt: 'yesterday',
      },
      'edges[2].observedAt: "yesterday" is not an ISO-8601 time',
    ],
  ])(
    'rejects a batch with a bad edge, naming it, and writes nothing (%#)',
    async (bad, message) => {
      const { app, observations } = await setup();
      const res = await request(app)
        .post('/observations')
        .set('Authorization', mockCredentials.service.header())
        .send({ edges: [...edges, bad] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      await expect(observations.listObservations()).resolves.toEqual([]);
    },
  );

  it('takes 10,000 edges in one request and refuses more', async () => {
    const { app, observations } = await setup();
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        source: `component:default/a-rather-long-service-name-${i}`,
        target: 'resource:default/a-rather-long-shared-database-name',
        evidence: 'traffic',
        detail:
          'sum by (client, server) (increase(traces_service_graph_request_total[1h]))',
        observedAt: '2026-11-22T10:00:00.000Z',
      }));
    const ok = await request(app)
      .post('/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({ edges: many(10_000) });
    expect(ok.status).toBe(200);
    await expect(observations.listObservations()).resolves.toHaveLength(10_000);

    const tooMany = await request(app)
      .post('/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({ edges: many(10_001) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain(
      'at most 10000 edges per request',
    );

    const tooLarge = await request(app)
      .post('/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({ edges: many(40_000) });
    expect(tooLarge.status).toBe(413);
  });

  it("lets a member of the source's owner delete wrong observations, audited; others get 403", async () => {
    const { app, observations, audits } = await setup();
    const manual = {
      source: 'component:default/report-generator',
      target: 'resource:default/payments-db',
      evidence: 'manual',
    };
    await request(app)
      .post('/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({ edges: [manual] });
    const refused = await request(app)
      .delete('/observations')
      .set('Authorization', mockCredentials.user.header('user:default/carol'))
      .send({ edges: [manual] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(
      'you do not own component:default/report-generator',
    );
    await expect(observations.listObservations()).resolves.toHaveLength(1);
    const res = await request(app)
      .delete('/observations')
      .set('Authorization', mockCredentials.user.header('user:default/bob'))
      .send({ edges: [manual] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: 1 });
    await expect(observations.listObservations()).resolves.toEqual([]);
    expect(audits).toEqual([
      { eventId: 'observation-delete', outcome: 'fail' },
      { eventId: 'observation-delete', outcome: 'success' },
    ]);
  });

  it('narrows deletes by the reliability.observation.delete permission, and lets services always', async () => {
    const { app, observations } = await setup(AuthorizeResult.DENY);
    const manual = {
      source: 'component:default/report-generator',
      target: 'resource:default/payments-db',
      evidence: 'manual',
    };
    await request(app)
      .post('/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({ edges: [manual] });
    const refused = await request(app)
      .delete('/observations')
      .set('Authorization', mockCredentials.user.header('user:default/bob'))
      .send({ edges: [manual] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(
      'reliability.observation.delete',
    );
    const res = await request(app)
      .delete('/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({ edges: [manual] });
    expect(res.body).toEqual({ deleted: 1 });
    await expect(observations.listObservations()).resolves.toEqual([]);
  });
});
