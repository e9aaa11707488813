import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  OnCallProvider,
  onCallProvidersExtensionPoint,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  expectCredentialsRequired,
  expectErrorAnswer,
} from '../__testUtils__/expectRoute';
import { changingCatalog } from '../__testUtils__/changingCatalog';
import { reliabilityPlugin } from '../plugin';

const group = (
  name: string,
  parent?: string,
  members: string[] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    namespace: 'default',
    title: name[0].toUpperCase() + name.slice(1),
  },
  spec: {
    type: 'team',
    ...(parent ? { parent } : {}),
    profile: { email: `${name}@example.com` },
  },
  relations: members.map(m => ({
    type: 'hasMember',
    targetRef: `user:default/${m}`,
  })),
});
const user = (name: string, displayName: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName, email: `${name}@example.com` } },
});
const component = (
  name: string,
  owner: string,
  extra: Partial<Entity['metadata']> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', ...extra },
  spec: { type: 'service', owner },
});
const policy = (name: string, owner: string, spec: object = {}): Entity => ({
  apiVersion: 'reliability.io/v1alpha1',
  kind: 'EscalationPolicy',
  metadata: { name, namespace: 'default' },
  spec: {
    owner,
    rotations: [
      {
        name: 'primary',
        timeZone: 'Europe/London',
        length: 'P1W',
        handoff: '09:00',
        startDate: '2026-01-05',
        members: ['user:default/alice', 'user:default/bob'],
      },
    ],
    levels: [
      { delayMinutes: 0, targets: ['rotation:primary'] },
      { delayMinutes: 15, targets: ['user:default/dave'] },
      { delayMinutes: 30, targets: ['group:default/sre'] },
    ],
    contacts: { slack: `#${name}` },
    ...spec,
  },
});

const entities: Entity[] = [
  group('engineering', undefined, []),
  group('payments', 'engineering', ['alice', 'bob']),
  group('platform', 'engineering', ['erin']),
  group('sre', 'engineering', ['grace', 'henry']),
  group('lonely', undefined, ['frank']),
  user('alice', 'Alice Kim'),
  user('bob', 'Bob Okafor'),
  user('dave', 'Dave Tanaka'),
  user('erin', 'Erin Walsh'),
  user('frank', 'Frank Osei'),
  user('grace', 'Grace Liu'),
  user('henry', 'Henry Adams'),
  policy('payments-oncall', 'group:default/payments', {
    overrides: [
      {
        rotation: 'primary',
        user: 'user:default/erin',
        from: '2026-11-25T00:00:00Z',
        until: '2026-11-26T00:00:00Z',
      },
    ],
  }),
  policy('payments-backup', 'group:default/payments'),
  policy('engineering-oncall', 'group:default/engineering', {
    levels: [
      { delayMinutes: 0, targets: ['rotation:primary', 'user:default/ghost'] },
    ],
  }),
  policy('sre-oncall', 'group:default/sre'),
  // Invalid (a level names a rotation it does not define): the catalog rejects it, and even
  // if it got through, Platform's entities fall back to the parent group's policy.
  policy('platform-broken', 'group:default/platform', {
    levels: [{ delayMinutes: 0, targets: ['rotation:nope'] }],
  }),
  component('payments-service', 'payments', {
    title: 'Payments service',
    tags: ['checkout'],
    annotations: { 'reliability.io/service-name': 'pay' },
  }),
  component('fraud-detection', 'payments', {
    annotations: { 'reliability.io/escalation-policy': 'sre-oncall' },
  }),
  component('api-gateway', 'platform', { title: 'API gateway' }),
  component('lonely-service', 'lonely'),
  component('paged-service', 'payments', {
    annotations: { 'pagerduty.com/service-id': 'PSERVICE' },
  }),
  component('paged-but-named', 'payments', {
    annotations: {
      'pagerduty.com/service-id': 'PSERVICE',
      'reliability.io/escalation-policy': 'sre-oncall',
    },
  }),
  component('payroll', 'payments', { title: 'Payroll' }),
  component('secret-payments-vault', 'payments'),
];

const fakePager: OnCallProvider = {
  id: 'pagerduty',
  handles: e => Boolean(e.metadata.annotations?.['pagerduty.com/service-id']),
  async getEscalation() {
    return {
      policy: { ref: 'pagerduty:PPOLICY', name: 'Paged' },
      onCall: [
        {
          level: 1,
          userRef: 'pagerduty:PUSER',
          displayName: 'Pat Pager',
          email: 'pat@example.com',
          rotation: 'Primary schedule',
          timeZone: 'UTC',
          from: '2026-11-22T00:00:00.000Z',
          until: '2026-11-23T00:00:00.000Z',
        },
      ],
      levels: [],
    };
  },
};

/** How often the catalog was asked for entities by ref. */
let byRefsCalls = 0;

/** A catalog with `list`, where the caller cannot read the `hidden` entities. */
function catalogOf(list: Entity[], hidden: Set<string>): CatalogService {
  const catalog = catalogServiceMock({ entities: list });
  const visible = (e: Entity | undefined) =>
    e && !hidden.has(e.metadata.name) ? e : undefined;
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
  catalog.getEntityByRef = async (ref, opts) =>
    visible(await getEntityByRef(ref, opts));
  catalog.getEntitiesByRefs = async (req, opts) => {
    byRefsCalls++;
    return { items: (await getEntitiesByRefs(req, opts)).items.map(visible) };
  };
  return catalog;
}

async function startBackend(
  options: { hidden?: string[]; provider?: OnCallProvider } = {},
) {
  const hidden = new Set(options.hidden ?? []);
  const catalog = changingCatalog(catalogOf(entities, hidden));
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      // The catalog mock hides `hidden` from everyone: as a policy whose read decision is
      // conditional, so that the catalog is asked which entities the caller may read.
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        authorizeConditional: async requests =>
          requests.map(() =>
            hidden.size > 0
              ? {
                  result: AuthorizeResult.CONDITIONAL,
                  pluginId: 'catalog',
                  resourceType: 'catalog-entity',
                  conditions: {
                    not: {
                      rule: 'HAS_METADATA',
                      resourceType: 'catalog-entity',
                      params: { key: 'name', value: [...hidden][0] },
                    },
                  },
                }
              : { result: AuthorizeResult.ALLOW },
          ),
      }).factory,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog.service,
      }),
      mockServices.scheduler.mock({
        async scheduleTask(task) {
          tasks.set(task.id, task);
        },
      }).factory,
      createBackendModule({
        pluginId: 'reliability',
        moduleId: 'test-pager',
        register(env) {
          env.registerInit({
            deps: { providers: onCallProvidersExtensionPoint },
            async init({ providers }) {
              if (options.provider)
                providers.addOnCallProvider(options.provider);
            },
          });
        },
      }),
    ],
  });
  const indexTask = tasks.get('reliability-catalog-index');
  expect(indexTask).toBeDefined();
  return {
    server,
    setCatalog: (list: Entity[]) => catalog.swap(catalogOf(list, hidden)),
    refreshIndex: () => indexTask!.fn(new AbortController().signal),
  };
}

const auth = mockCredentials.user.header();
const at = '2026-11-22T10:00:00Z';

async function escalation(server: unknown, name: string, when = at) {
  const res = await request(server as never)
    .get(`/api/reliability/entities/component/default/${name}/escalation`)
    .query({ at: when })
    .set('Authorization', auth);
  expect(res.status).toBe(200);
  return res.body;
}

describe('escalation', () => {
  it("resolves the owner's policy: levels, who is on call and until when, contacts", async () => {
    const { server } = await startBackend();
    const body = await escalation(server, 'payments-service');
    // Week 45 since 5 January 09:00 London: bob's turn (odd), until Monday 23 Nov 09:00 GMT.
    expect(body).toEqual({
      entityRef: 'component:default/payments-service',
      owner: {
        ref: 'group:default/payments',
        title: 'Payments',
        email: 'payments@example.com',
      },
      escalationPolicy: {
        ref: 'escalationpolicy:default/payments-backup',
        source: 'owner',
      },
      onCall: [
        {
          level: 1,
          userRef: 'user:default/bob',
          displayName: 'Bob Okafor',
          email: 'bob@example.com',
          rotation: 'primary',
          timeZone: 'Europe/London',
          from: '2026-11-16T09:00:00.000Z',
          until: '2026-11-23T09:00:00.000Z',
        },
        {
          level: 2,
          userRef: 'user:default/dave',
          displayName: 'Dave Tanaka',
          email: 'dave@example.com',
          rotation: null,
          timeZone: null,
          from: null,
          until: null,
        },
      ],
      levels: [
        {
          level: 1,
          delayMinutes: 0,
          targets: [
            {
              type: 'rotation',
              ref: 'primary',
              displayName: 'primary rotation (Europe/London)',
              users: ['user:default/bob'],
            },
          ],
        },
        {
          level: 2,
          delayMinutes: 15,
          targets: [
            {
              type: 'user',
              ref: 'user:default/dave',
              displayName: 'Dave Tanaka',
              users: ['user:default/dave'],
            },
          ],
        },
        {
          level: 3,
          delayMinutes: 30,
          targets: [
            {
              type: 'group',
              ref: 'group:default/sre',
              displayName: 'Sre',
              users: ['user:default/grace', 'user:default/henry'],
            },
          ],
        },
      ],
      contacts: { slack: '#payments-backup' },
      warnings: [
        'group:default/payments owns 2 escalation policies (payments-backup, payments-oncall); using payments-backup, the first by name',
      ],
    });
  });

  it.each([
    [
      'the annotation',
      'fraud-detection',
      'escalationpolicy:default/sre-oncall',
      'annotation',
    ],
    [
      "the parent group's policy",
      'api-gateway',
      'escalationpolicy:default/engineering-oncall',
      'parent-group',
    ],
    ['no policy at all', 'lonely-service', null, 'none'],
  ])('finds %s', async (_case, name, ref, source) => {
    const { server } = await startBackend();
    const body = await escalation(server, name);
    expect(body.escalationPolicy).toEqual({ ref, source });
    expect(body.warnings.length > 0).toBe(source !== 'annotation');
  });

  it('lists the owners’ members, with a warning, when no policy applies', async () => {
    const { server } = await startBackend();
    const body = await escalation(server, 'lonely-service');
    expect(body.onCall).toEqual([]);
    expect(body.levels).toEqual([
      {
        level: 1,
        delayMinutes: 0,
        targets: [
          {
            type: 'group',
            ref: 'group:default/lonely',
            displayName: 'Lonely',
            users: ['user:default/frank'],
          },
        ],
      },
    ]);
    expect(body.warnings).toContain(
      "No escalation policy covers component:default/lonely-service: add an EscalationPolicy owned by group:default/lonely; until then, these are the owners' members",
    );
  });

  it('warns about users the policy names that are not in the catalog', async () => {
    const { server } = await startBackend();
    const body = await escalation(server, 'api-gateway');
    expect(body.warnings).toContain(
      'escalationpolicy:default/engineering-oncall refers to user:default/ghost, which is not in the catalog',
    );
  });

  it('asks an external provider for annotated entities, and falls back when it fails', async () => {
    const paged = await escalation(
      (
        await startBackend({ provider: fakePager })
      ).server,
      'paged-service',
    );
    expect(paged.escalationPolicy).toEqual({
      ref: 'pagerduty:PPOLICY',
      source: 'provider',
    });
    expect(paged.onCall[0].displayName).toBe('Pat Pager');

    const failing: OnCallProvider = {
      ...fakePager,
      async getEscalation() {
        throw new Error('PagerDuty answered 503');
      },
    };
    const fallback = await escalation(
      (
        await startBackend({ provider: failing })
      ).server,
      'paged-service',
    );
    expect(fallback.escalationPolicy.source).toBe('owner');
    expect(fallback.warnings[0]).toBe(
      "pagerduty is unavailable (PagerDuty answered 503); showing the catalog's escalation policy instead",
    );
  });

  it('sees catalog changes when the catalog index task runs', async () => {
    const { server, setCatalog, refreshIndex } = await startBackend();
    expect(
      (await escalation(server, 'lonely-service')).escalationPolicy.source,
    ).toBe('none');

    // The Lonely team registers a policy; until the index refreshes, requests use the old one.
    setCatalog([...entities, policy('lonely-oncall', 'group:default/lonely')]);
    expect(
      (await escalation(server, 'lonely-service')).escalationPolicy.source,
    ).toBe('none');

    await refreshIndex();
    expect(
      (await escalation(server, 'lonely-service')).escalationPolicy,
    ).toEqual({
      ref: 'escalationpolicy:default/lonely-oncall',
      source: 'owner',
    });
  });

  it('lets an override win for its rotation', async () => {
    const { server } = await startBackend();
    // The annotation-free payments entities use payments-backup (first by name); the override
    // lives in payments-oncall, which the schedule route shows.
    const res = await request(server)
      .get('/api/reliability/oncall')
      .query({
        group: 'group:default/payments',
        from: '2026-11-24T00:00:00Z',
        to: '2026-11-27T00:00:00Z',
      })
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    const oncall = res.body.rotations.find(
      (r: any) => r.policy === 'escalationpolicy:default/payments-oncall',
    );
    expect(oncall.shifts).toEqual([
      {
        userRef: 'user:default/alice',
        from: '2026-11-24T00:00:00.000Z',
        until: '2026-11-25T00:00:00.000Z',
      },
      {
        userRef: 'user:default/erin',
        from: '2026-11-25T00:00:00.000Z',
        until: '2026-11-26T00:00:00.000Z',
      },
      {
        userRef: 'user:default/alice',
        from: '2026-11-26T00:00:00.000Z',
        until: '2026-11-27T00:00:00.000Z',
      },
    ]);
  });
});

describe('lookup', () => {
  async function lookup(server: unknown, q: string, limit?: number) {
    const res = await request(server as never)
      .get('/api/reliability/lookup')
      .query({ q, ...(limit ? { limit } : {}) })
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items.map((i: any) => i.entityRef);
  }

  it('ranks an exact name first, then prefixes, then substrings', async () => {
    const { server } = await startBackend();
    // Under a policy that lets the caller read everything, and without a pager, lookup answers
    // from the catalog index alone: no catalog request per lookup.
    byRefsCalls = 0;
    expect(await lookup(server, 'payroll')).toEqual([
      'component:default/payroll',
    ]);
    // By service-name annotation (exact), then by prefix on names, titles and owners.
    expect((await lookup(server, 'pay'))[0]).toBe(
      'component:default/payments-service',
    );
    expect(await lookup(server, 'gateway')).toEqual([
      'component:default/api-gateway',
    ]);
    expect(await lookup(server, 'checkout')).toEqual([
      'component:default/payments-service',
    ]);
    expect(byRefsCalls).toBe(0);
  });

  it('finds entities by owner, and answers who is on call for each', async () => {
    // Lookup answers for now: only the clock is fixed, timers and I/O run as usual.
    jest.useFakeTimers({
      now: new Date(at),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    let res: request.Response;
    try {
      const { server } = await startBackend();
      res = await request(server)
        .get('/api/reliability/lookup')
        .query({ q: 'platform' })
        .set('Authorization', auth);
    } finally {
      jest.useRealTimers();
    }
    expect(res.body.items).toEqual([
      {
        entityRef: 'component:default/api-gateway',
        title: 'API gateway',
        kind: 'Component',
        owner: { ref: 'group:default/platform', title: 'Platform' },
        // Engineering's policy, at Sunday 22 November 10:00Z: Bob's week on the London rotation,
        // and the level's other target, a user the catalog lacks, by name.
        onCall: [
          {
            level: 1,
            userRef: 'user:default/bob',
            displayName: 'Bob Okafor',
            until: '2026-11-23T09:00:00.000Z',
            timeZone: 'Europe/London',
          },
          {
            level: 1,
            userRef: 'user:default/ghost',
            displayName: 'ghost',
            until: null,
            timeZone: null,
          },
        ],
        // Engineering's policy has one level: nobody further to escalate to.
        escalateNext: { next: null, skippedLevels: [] },
        contacts: { slack: '#engineering-oncall' },
        escalationPolicy: {
          ref: 'escalationpolicy:default/engineering-oncall',
          source: 'parent-group',
        },
      },
    ]);
  });

  it('never shows an entity the caller may not read', async () => {
    const { server } = await startBackend({
      hidden: ['secret-payments-vault'],
    });
    const found = await lookup(server, 'payments', 50);
    expect(found).toContain('component:default/payments-service');
    expect(found).not.toContain('component:default/secret-payments-vault');
    const hidden = await request(server)
      .get(
        '/api/reliability/entities/component/default/secret-payments-vault/escalation',
      )
      .set('Authorization', auth);
    expect(hidden.status).toBe(404);
  });
});

describe('escalation at the edges of the accepted times', () => {
  it('answers on the first and last accepted instants', async () => {
    const { server } = await startBackend();
    for (const when of ['2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z']) {
      const body = await escalation(server, 'payments-service', when);
      expect(body.escalationPolicy.source).toBe('owner');
    }
    const schedule = await request(server)
      .get('/api/reliability/oncall')
      .query({
        group: 'group:default/payments',
        from: '2099-10-01T00:00:00Z',
        to: '2100-01-01T00:00:00Z',
      })
      .set('Authorization', auth);
    expect(schedule.status).toBe(200);
    // Weekly turns over 92 days, in each of the group's two policies.
    expect(schedule.body.rotations).toHaveLength(2);
    expect(schedule.body.rotations[0].shifts.length).toBeGreaterThanOrEqual(13);
  });
});

describe('escalation routes', () => {
  it.each([
    '/entities/component/default/payments-service/escalation',
    '/lookup?q=pay',
    '/oncall?group=group:default/payments',
  ])('%s requires credentials', async path => {
    const { server } = await startBackend();
    await expectCredentialsRequired(server, path);
  });

  it.each([
    [
      '/entities/component/default/missing/escalation',
      404,
      'No entity component:default/missing',
    ],
    [
      '/entities/component/default/payments-service/escalation?at=soon',
      400,
      'at: must be an ISO-8601 time',
    ],
    // Near the largest JavaScript date the schedule walk used to loop until the heap ran out.
    [
      '/entities/component/default/payments-service/escalation?at=%2B275760-09-13T00:00:00.000Z',
      400,
      'at: must be an ISO-8601 time with a zone from 2000 to 2100',
    ],
    [
      '/entities/component/default/payments-service/escalation?at=-271821-04-20T00:00:00Z',
      400,
      'at: must be an ISO-8601 time',
    ],
    // Date.parse reads "1" as 2001 and rolls 30 February over into March.
    [
      '/entities/component/default/payments-service/escalation?at=1',
      400,
      'at: must be an ISO-8601 time with a zone from 2000 to 2100, got "1"',
    ],
    [
      '/entities/component/default/payments-service/escalation?at=2026-02-30T00:00:00Z',
      400,
      'at: must be an ISO-8601 time with a zone from 2000 to 2100, got "2026-02-30T00:00:00Z": no such time',
    ],
    [
      '/entities/component/default/payments-service/escalation?at=2026-02-30',
      400,
      'at: must be an ISO-8601 time with a zone from 2000 to 2100, got "2026-02-30": not in the form 2026-11-22T09:00:00Z',
    ],
    [
      '/entities/component/default/payments-service/escalation?at=2100-01-01T00:00:01Z',
      400,
      'not between 2000-01-01T00:00:00.000Z and 2100-01-01T00:00:00.000Z',
    ],
    [
      '/oncall?group=payments&from=%2B275760-09-01T00:00:00Z&to=%2B275760-09-13T00:00:00Z',
      400,
      'from: must be an ISO-8601 time',
    ],
    [
      '/oncall?group=payments&from=2026-11-01T00:00:00Z&to=2100-01-02T00:00:00Z',
      400,
      'to: must be an ISO-8601 time',
    ],
    ['/lookup', 400, 'q: '],
    ['/lookup?q=pay&limit=51', 400, 'limit: '],
    ['/oncall', 400, 'group: '],
    ['/oncall?group=user:default/alice', 400, 'is not a group ref'],
    [
      '/oncall?group=group:default/nobody',
      400,
      'group: No group group:default/nobody in the catalog',
    ],
    [
      '/oncall?group=payments&from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z',
      400,
      'at most 92 days apart',
    ],
  ])('%s answers %p', async (path, status, message) => {
    const { server } = await startBackend();
    await expectErrorAnswer(server, path, status, message);
  });
});
