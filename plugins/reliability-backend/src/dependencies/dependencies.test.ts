import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  componentEntity,
  escalationPolicyEntity,
  groupEntity,
  resourceEntity,
  userEntity,
} from '../__testUtils__/catalogEntities';
import {
  expectCredentialsRequired,
  expectErrorAnswer,
} from '../__testUtils__/expectRoute';
import { reliabilityPlugin } from '../plugin';
import { encodeImpactCursor } from './impactCursor';

const component = (
  name: string,
  relations: Array<[string, string]> = [],
): Entity =>
  componentEntity(name, {
    title: `${name} title`,
    lifecycle: 'production',
    relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
  });

const entities: Entity[] = [
  component('web', [['dependsOn', 'component:default/api']]),
  component('api', [
    ['dependsOn', 'resource:default/db'],
    ['providesApi', 'api:default/api-api'],
  ]),
  component('mobile', [['consumesApi', 'api:default/api-api']]),
  {
    ...component('batch'),
    metadata: {
      name: 'batch',
      namespace: 'default',
      annotations: { 'reliability.io/service-name': 'nightly-batch' },
    },
  },
  component('report', [['dependsOn', 'resource:default/db']]),
  component('secret', [['dependsOn', 'resource:default/db']]),
  resourceEntity('db'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'api-api', namespace: 'default' },
    spec: { type: 'openapi', owner: 'group:default/team' },
  },
  groupEntity('team', { title: 'The Team' }),
  userEntity('solo', 'Solo Responder'),
  escalationPolicyEntity('team-oncall', 'group:default/team', {
    name: 'only',
    timeZone: 'UTC',
    length: 'P1W',
    handoff: '00:00',
    startDate: '2026-01-05',
    members: ['user:default/solo'],
  }),
];

// Users read the catalog under conditions (the catalog mock applies them: no `secret`);
// services read everything, as with Backstage's permission service.
const conditionalReads = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests, { credentials }) =>
    requests.map(() =>
      (credentials.principal as { type: string }).type === 'user'
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              not: {
                rule: 'HAS_METADATA',
                resourceType: 'catalog-entity',
                params: { key: 'name', value: 'secret' },
              },
            },
          }
        : { result: AuthorizeResult.ALLOW },
    ),
});

let byRefsCalls = 0;

async function startBackend(permissions = conditionalReads.factory) {
  const catalog = catalogServiceMock({ entities });
  // The caller may not read `secret`.
  const hide = (e: Entity | undefined) =>
    e?.metadata.name === 'secret' ? undefined : e;
  const byRefs = catalog.getEntitiesByRefs.bind(catalog);
  const byRef = catalog.getEntityByRef.bind(catalog);
  catalog.getEntitiesByRefs = async (req, opts) => {
    byRefsCalls++;
    return (opts as any)?.credentials?.principal?.type === 'user'
      ? { items: (await byRefs(req, opts)).items.map(hide) }
      : byRefs(req, opts);
  };
  catalog.getEntityByRef = async (ref, opts) => hide(await byRef(ref, opts));
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      permissions,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    ],
  });
  const observed = await request(server)
    .post('/api/reliability/observations')
    .set('Authorization', mockCredentials.service.header())
    .send({
      edges: [
        {
          source: 'component:default/batch',
          target: 'resource:default/db',
          evidence: 'traffic',
          detail: 'tcp 5432',
        },
        {
          source: 'component:default/web',
          target: 'component:default/api',
          evidence: 'traffic',
        },
        {
          source: 'component:default/report',
          target: 'component:default/mystery-cache',
          evidence: 'probe',
          detail: 'cache-check',
        },
      ],
    });
  expect(observed.status).toBe(200);
  return server;
}

const user = mockCredentials.user.header();

/** The cursor the API hands out after an entity of an impact answer. */
const pagesCursorAfter = (item: { depth: number; entityRef: string }) =>
  encodeImpactCursor({ depth: item.depth, entityRef: item.entityRef });

describe('dependencies', () => {
  it('classifies declared, observed, hidden, unobserved and unknown edges, both ways', async () => {
    const server = await startBackend();
    const db = await request(server)
      .get('/api/reliability/entities/resource/default/db/dependencies')
      .set('Authorization', user);
    expect(db.status).toBe(200);
    const pairs = (edges: any[]) =>
      edges.map(e => `${e.source}>${e.target} ${e.direction}`).sort();
    expect(pairs(db.body.declared)).toEqual([
      'component:default/api>resource:default/db downstream',
      'component:default/report>resource:default/db downstream',
    ]);
    expect(pairs(db.body.observed)).toEqual([
      'component:default/batch>resource:default/db downstream',
    ]);
    expect(db.body.hidden).toEqual([
      {
        source: 'component:default/batch',
        target: 'resource:default/db',
        direction: 'downstream',
        evidence: [
          {
            kind: 'traffic',
            detail: 'tcp 5432',
            firstSeen: expect.any(String),
            lastSeen: expect.any(String),
            count: 1,
          },
        ],
        suggestion:
          '# in the catalog-info.yaml of component:default/batch\nspec:\n  dependsOn:\n    - resource:default/db\n',
      },
    ]);
    // report is observed (it probes a cache) but never seen using db; api is not observed at all.
    expect(pairs(db.body.unobserved)).toEqual([
      'component:default/report>resource:default/db downstream',
    ]);
    expect(db.body.unknown).toEqual([]);

    const report = await request(server)
      .get('/api/reliability/entities/component/default/report/dependencies')
      .set('Authorization', user);
    expect(pairs(report.body.unknown)).toEqual([
      'component:default/report>component:default/mystery-cache upstream',
    ]);
    expect(pairs(report.body.declared)).toEqual([
      'component:default/report>resource:default/db upstream',
    ]);
  });

  it('walks the impact downstream and upstream with shortest paths, owners, on-call and a summary', async () => {
    const server = await startBackend();
    const down = await request(server)
      .get('/api/reliability/impact')
      .query({ entityRef: 'resource:default/db' })
      .set('Authorization', user);
    expect(down.status).toBe(200);
    expect(
      down.body.impacted.map((i: any) => [
        i.entityRef,
        i.depth,
        i.path.join('>'),
        i.via,
      ]),
    ).toEqual([
      [
        'component:default/api',
        1,
        'resource:default/db>component:default/api',
        'declared',
      ],
      [
        'component:default/batch',
        1,
        'resource:default/db>component:default/batch',
        'hidden',
      ],
      [
        'component:default/report',
        1,
        'resource:default/db>component:default/report',
        'declared',
      ],
      [
        'component:default/mobile',
        2,
        'resource:default/db>component:default/api>component:default/mobile',
        'declared',
      ],
      [
        'component:default/web',
        2,
        'resource:default/db>component:default/api>component:default/web',
        'both',
      ],
    ]);
    expect(down.body.impacted[0]).toMatchObject({
      title: 'api title',
      kind: 'Component',
      owner: { ref: 'group:default/team', title: 'The Team' },
      lifecycle: 'production',
      onCall: [{ userRef: 'user:default/solo', displayName: 'Solo Responder' }],
      slo: null,
    });
    expect(down.body.summary).toEqual({
      entities: 5,
      owners: [{ ref: 'group:default/team', count: 5 }],
      byDepth: { '1': 3, '2': 2 },
      frozen: 0,
      // batch depends on db only through an observed edge.
      hidden: 1,
    });
    expect(down.body.truncated).toBe(false);
    expect(down.body.cursor).toBeNull();

    const up = await request(server)
      .get('/api/reliability/impact')
      .query({ entityRef: 'component:web', direction: 'upstream' })
      .set('Authorization', user);
    expect(up.body.impacted.map((i: any) => [i.entityRef, i.depth])).toEqual([
      ['component:default/api', 1],
      ['resource:default/db', 2],
    ]);

    const observedOnly = await request(server)
      .get('/api/reliability/impact')
      .query({
        entityRef: 'resource:default/db',
        include: 'observed',
        maxDepth: 1,
      })
      .set('Authorization', user);
    expect(observedOnly.body.impacted.map((i: any) => i.entityRef)).toEqual([
      'component:default/batch',
    ]);
  });

  it("pages an impact answer in its order, each page with the whole answer's summary", async () => {
    const server = await startBackend();
    const ask = (query: Record<string, string>) =>
      request(server)
        .get('/api/reliability/impact')
        .query({ entityRef: 'resource:default/db', ...query })
        .set('Authorization', user);
    const whole = await ask({});
    const pages = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await ask(
        cursor ? { limit: '2', cursor } : { limit: '2' },
      );
      expect(page.status).toBe(200);
      expect(page.body.summary).toEqual(whole.body.summary);
      pages.push(page.body.impacted);
      cursor = page.body.cursor;
    } while (cursor);
    expect(pages.map(page => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(whole.body.impacted);

    // A cursor names a place in the order, not an offset: it goes on after that entity.
    const afterBatch = await ask({
      limit: '1',
      cursor: pagesCursorAfter(pages[0][1]),
    });
    expect(afterBatch.body.impacted.map((i: any) => i.entityRef)).toEqual([
      'component:default/report',
    ]);
  });

  it('sends an impact answer gzip-compressed, and plain to a client that does not accept gzip', async () => {
    const server = await startBackend();
    const ask = (encoding: string) =>
      request(server)
        .get('/api/reliability/impact')
        .query({ entityRef: 'resource:default/db' })
        .set('Authorization', user)
        .set('Accept-Encoding', encoding);
    const compressed = await ask('gzip, deflate');
    const plain = await ask('identity');
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers['content-type']).toMatch(/^application\/json/);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.impacted).toHaveLength(5);
    expect(compressed.body).toEqual(plain.body);
  });

  it('never shows an entity the caller may not read, nor counts it', async () => {
    const server = await startBackend();
    const impactOfDb = (authorization: string) =>
      request(server)
        .get('/api/reliability/impact')
        .query({ entityRef: 'resource:default/db' })
        .set('Authorization', authorization);
    // A service, which reads everything, asks first: the reach the backend keeps for later
    // pages must not carry what the service saw over to the user.
    const all = await impactOfDb(mockCredentials.service.header());
    expect(all.body.impacted.map((i: any) => i.entityRef)).toContain(
      'component:default/secret',
    );
    const down = await impactOfDb(user);
    expect(down.body.impacted.map((i: any) => i.entityRef)).not.toContain(
      'component:default/secret',
    );
    expect(down.body.summary.entities).toBe(all.body.summary.entities - 1);
    const deps = await request(server)
      .get('/api/reliability/entities/resource/default/db/dependencies')
      .set('Authorization', user);
    expect(JSON.stringify(deps.body)).not.toContain('secret');
    const hidden = await request(server)
      .get('/api/reliability/entities/component/default/secret/dependencies')
      .set('Authorization', user);
    expect(hidden.status).toBe(404);
  });

  it('answers without asking the catalog about each entity when the policy allows every read', async () => {
    const server = await startBackend(mockServices.permissions.factory());
    const before = byRefsCalls;
    const down = await request(server)
      .get('/api/reliability/impact')
      .query({ entityRef: 'resource:default/db' })
      .set('Authorization', user);
    expect(down.body.impacted.map((i: any) => i.entityRef)).toContain(
      'component:default/secret',
    );
    expect(byRefsCalls).toBe(before);
  });

  it('places a name recorded before the catalog knew it, by its service-name annotation', async () => {
    const server = await startBackend();
    // An observer that ran while the catalog was loading kept the raw name.
    await request(server)
      .post('/api/reliability/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({
        edges: [
          {
            source: 'component:default/nightly-batch',
            target: 'component:default/api',
            evidence: 'traffic',
          },
        ],
      });
    const res = await request(server)
      .get('/api/reliability/entities/component/default/batch/dependencies')
      .set('Authorization', user);
    expect(
      res.body.hidden.map((e: any) => `${e.source}>${e.target}`).sort(),
    ).toEqual([
      'component:default/batch>component:default/api',
      'component:default/batch>resource:default/db',
    ]);
    expect(res.body.unknown).toEqual([]);
  });

  it.each([
    [
      '/impact?entityRef=resource:default/nowhere',
      400,
      'entityRef: No entity resource:default/nowhere in the catalog',
    ],
    ['/impact?entityRef=db', 400, 'entityRef: "db" is not an entity ref'],
    ['/impact', 400, 'entityRef: '],
    ['/impact?entityRef=resource:default/db&maxDepth=21', 400, 'maxDepth: '],
    ['/impact?entityRef=resource:default/db&limit=0', 400, 'limit: '],
    ['/impact?entityRef=resource:default/db&limit=0x10', 400, 'limit: '],
    ['/impact?entityRef=resource:default/db&limit=10001', 400, 'limit: '],
    [
      '/impact?entityRef=resource:default/db&cursor=bm90LWEtY3Vyc29y',
      400,
      'cursor: is not a cursor from a previous page',
    ],
    [
      '/impact?entityRef=resource:default/db&direction=sideways',
      400,
      'direction: ',
    ],
    [
      '/impact?entityRef=resource:default/db&include=rumours',
      400,
      'include: must list declared and/or observed',
    ],
    [
      '/entities/resource/default/nowhere/dependencies',
      404,
      'No entity resource:default/nowhere',
    ],
  ])('%s answers %p', async (path, status, message) => {
    const server = await startBackend();
    await expectErrorAnswer(server, path, status, message);
  });

  it.each([
    '/impact?entityRef=resource:default/db',
    '/entities/resource/default/db/dependencies',
  ])('%s requires credentials', async path => {
    const server = await startBackend();
    await expectCredentialsRequired(server, path);
  });
});
