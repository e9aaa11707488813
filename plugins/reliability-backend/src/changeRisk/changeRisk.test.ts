import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  componentEntity,
  groupEntity,
  userEntity,
} from '../__testUtils__/catalogEntities';
import { reliabilityPlugin } from '../plugin';

jest.setTimeout(60_000);

const RUNBOOK = 'https://wiki.example.com/orders-db/failover';

const ordersDb: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'orders-db',
    namespace: 'default',
    title: 'Orders DB',
    links: [{ url: RUNBOOK, title: 'Failover', type: 'runbook' }],
  },
  spec: { type: 'database', owner: 'group:default/sre' },
};

const dependsOn = (targetRef: string) => [{ type: 'dependsOn', targetRef }];

const entities: Entity[] = [
  ordersDb,
  componentEntity('orders-service', {
    title: 'Orders service',
    owner: 'group:default/commerce',
    relations: dependsOn('resource:default/orders-db'),
  }),
  componentEntity('storefront', {
    title: 'Web storefront',
    owner: 'group:default/web',
    relations: dependsOn('component:default/orders-service'),
  }),
  componentEntity('reports', {
    title: 'Nightly reports',
    owner: 'group:default/data',
  }),
  // Declares its dependency on the reports, which reach the database only undeclared.
  componentEntity('report-viewer', {
    title: 'Report viewer',
    owner: 'group:default/data',
    relations: dependsOn('component:default/reports'),
  }),
  ...['sre', 'commerce', 'web', 'data'].map(name => groupEntity(name)),
  userEntity('dave', 'Dave Tanaka'),
];

const dave = mockCredentials.user.header('user:default/dave');

async function startBackend(ownersThreshold?: number) {
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: ownersThreshold
          ? { reliability: { changeRisk: { ownersThreshold } } }
          : {},
      }),
    ],
  });
  // The reports read the database at night; nobody declared it.
  await request(server)
    .post('/api/reliability/observations')
    .set('Authorization', mockCredentials.service.header())
    .send({
      edges: [
        {
          source: 'component:default/reports',
          target: 'resource:default/orders-db',
          evidence: 'traffic',
        },
      ],
    })
    .expect(200);
  return server;
}

function changeRisk(server: unknown, entityRef: string) {
  return request(server as never)
    .get('/api/reliability/change-risk')
    .query({ entityRef })
    .set('Authorization', dave);
}

describe('the change-risk report', () => {
  it('requires credentials, a well-formed ref, and an entity the caller can read', async () => {
    const server = await startBackend();
    const anonymous = await request(server)
      .get('/api/reliability/change-risk')
      .query({ entityRef: 'resource:default/orders-db' })
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const missing = await request(server)
      .get('/api/reliability/change-risk')
      .set('Authorization', dave);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('entityRef: is required');
    const malformed = await changeRisk(server, 'component:');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain(
      'entityRef: must be an entity ref',
    );
    // A query names the entity: one the catalog lacks is bad input, not a missing page.
    const unknown = await changeRisk(server, 'component:default/nowhere');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'entityRef: No entity component:default/nowhere in the catalog',
    );
  });

  it('lists the hidden dependent and every owner to tell once, and rates the risk', async () => {
    const server = await startBackend(4);
    const res = await changeRisk(server, 'resource:default/orders-db');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'resource:default/orders-db',
      risk: 'medium',
      releaseGate: 'no-slos',
      impacted: { entities: 4, truncated: false },
      hiddenDependents: [
        'component:default/reports',
        'component:default/report-viewer',
      ],
      frozen: [],
      openIncidents: [],
      staleRunbooks: [RUNBOOK],
      counts: {
        hiddenDependents: 2,
        frozen: 0,
        openIncidents: 0,
        staleRunbooks: 1,
        notify: 4,
      },
    });
    expect(res.body.notify.map((n: any) => n.owner).sort()).toEqual([
      'group:default/commerce',
      'group:default/data',
      'group:default/sre',
      'group:default/web',
    ]);
    expect(res.body.reasons).toEqual([
      "Orders DB's runbook has not passed a recent drill: do not rely on it untested.",
      '2 dependents rely on it without declaring it (seen in traffic or incidents), so their owners do not expect the change: Nightly reports, Report viewer.',
    ]);
  });

  it('is high when an incident is open on a dependent, or the change reaches the owners threshold', async () => {
    const server = await startBackend(4);
    const declared = await request(server)
      .post('/api/reliability/incidents')
      .set('Authorization', dave)
      .send({
        title: 'Orders fail to save',
        severity: 'SEV2',
        status: 'investigating',
        cause: 'unknown',
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        entities: [
          { entityRef: 'component:default/orders-service', role: 'affected' },
        ],
      });
    expect(declared.status).toBe(201);
    const res = await changeRisk(server, 'resource:default/orders-db');
    expect(res.body).toMatchObject({
      risk: 'high',
      openIncidents: [declared.body.id],
    });
    expect(res.body.reasons[0]).toBe(
      `Incident ${declared.body.id} (SEV2) is open on Orders service.`,
    );

    const wide = await startBackend(3);
    const report = await changeRisk(wide, 'resource:default/orders-db');
    expect(report.body.risk).toBe('high');
    expect(report.body.reasons[0]).toContain(
      'The change reaches 3 owners besides its own',
    );
  });
});

describe('the overview route', () => {
  it('answers each part with its own state, over credentials', async () => {
    const server = await startBackend();
    const anonymous = await request(server)
      .get('/api/reliability/entities/resource/default/orders-db/overview')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const res = await request(server)
      .get('/api/reliability/entities/resource/default/orders-db/overview')
      .set('Authorization', dave);
    expect(res.status).toBe(200);
    expect(
      Object.fromEntries(
        Object.entries(res.body)
          .filter(([, part]) => typeof part === 'object')
          .map(([name, part]) => [name, (part as { state: string }).state]),
      ),
    ).toEqual({
      // No SLI source and no escalation policy in this backend.
      ownership: 'not-configured',
      slos: 'not-configured',
      openIncidents: 'empty',
      runbooks: 'ok',
      upstream: 'empty',
      downstream: 'ok',
      recentIncidents: 'empty',
      actionItems: 'empty',
    });
    expect(res.body.downstream).toMatchObject({ entities: 4 });
    const unknown = await request(server)
      .get('/api/reliability/entities/component/default/nowhere/overview')
      .set('Authorization', dave);
    expect(unknown.status).toBe(404);
  });
});
