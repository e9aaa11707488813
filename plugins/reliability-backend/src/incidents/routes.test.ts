import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { incidentFixture } from './__testUtils__/incidentFixture';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);

const serviceHeader = (subject: string) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'reliability',
  });

// Built, not written out: a link that runs script is what the API refuses to keep.
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

const declaration = {
  title: 'Failover test blocked the shared test database',
  severity: 'SEV2',
  status: 'investigating',
  cause: 'test',
  startedAt: '2026-11-20T10:00:00Z',
  detectedAt: '2026-11-20T10:07:00Z',
  commander: 'user:default/carol',
  channel: '#inc-settlement',
  entities: [
    { entityRef: 'resource:default/shared-test-db', role: 'root-cause' },
    { entityRef: 'component:default/settlement-batch', role: 'affected' },
  ],
};

async function setup(
  options: Parameters<typeof incidentFixture>[0] extends infer O
    ? Omit<O, 'knex'>
    : never = {},
) {
  return incidentFixture({
    knex: await databases.init('SQLITE_3'),
    ...options,
  });
}

async function declare(app: Express.Application | any, body = declaration) {
  const res = await request(app)
    .post('/incidents')
    .set('Authorization', as('alice'))
    .send(body);
  expect(res.status).toBe(201);
  return res.body;
}

describe('incident routes', () => {
  it('declares an incident for any signed-in user, audits it, and records the dependency it reveals', async () => {
    const { app, audits, dependencies } = await setup();
    const res = await request(app)
      .post('/incidents')
      .set('Authorization', as('alice'))
      .send(declaration);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      title: 'Failover test blocked the shared test database',
      severity: 'SEV2',
      status: 'investigating',
      cause: 'test',
      startedAt: '2026-11-20T10:00:00.000Z',
      detectedAt: '2026-11-20T10:07:00.000Z',
      declaredAt: null,
      mitigatedAt: null,
      resolvedAt: null,
      mitigation: null,
      commander: 'user:default/carol',
      summary: null,
      impact: null,
      channel: '#inc-settlement',
      entities: [
        { entityRef: 'component:default/settlement-batch', role: 'affected' },
        { entityRef: 'resource:default/shared-test-db', role: 'root-cause' },
      ],
      externalRefs: [],
      version: 1,
      createdBy: 'user:default/alice',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      postmortem: null,
    });
    expect(audits).toEqual([
      {
        eventId: 'incident-create',
        meta: {},
        outcome: 'success',
      },
    ]);

    // Undeclared in the catalog: the incident's edge is hidden, and names the incident.
    const found = await dependencies.getDependencies(
      'resource:default/shared-test-db',
      mockCredentials.user(),
    );
    expect(found.hidden).toEqual([
      expect.objectContaining({
        source: 'component:default/settlement-batch',
        target: 'resource:default/shared-test-db',
        evidence: [
          expect.objectContaining({
            kind: 'incident',
            detail: `Incident ${res.body.id}: Failover test blocked the shared test database`,
          }),
        ],
      }),
    ]);
  });

  it.each([
    [{ title: 'x'.repeat(201) }, 'title: must be at most 200 characters'],
    [{ severity: 'SEV0' }, 'severity: must be one of SEV1, SEV2, SEV3, SEV4'],
    [
      { startedAt: '2026-02-30T10:00:00Z' },
      'startedAt: must be an ISO-8601 time',
    ],
    [
      { detectedAt: '2026-11-20T09:59:00Z' },
      'detectedAt: must not precede startedAt (2026-11-20T10:00:00.000Z)',
    ],
    [
      { resolvedAt: '2026-11-20T12:00:00Z' },
      'resolvedAt: needs status resolved, not investigating',
    ],
    [
      {
        entities: [
          { entityRef: 'component:default/nowhere', role: 'affected' },
        ],
      },
      'entities.0.entityRef: component:default/nowhere is not in the catalog',
    ],
    [{ entities: [] }, 'entities: must name at least one entity'],
    [
      {
        entities: [
          { entityRef: 'component:default/settlement-batch', role: 'victim' },
        ],
      },
      'entities.0.role: must be one of root-cause, affected',
    ],
    [
      { commander: 'user:default/nobody' },
      'commander: user:default/nobody is not in the catalog',
    ],
    [
      { summary: 'x'.repeat(10_001) },
      'summary: must be at most 10,000 characters',
    ],
    [
      {
        externalRefs: [{ system: 'pagerduty', id: 'P1', url: SCRIPT_URL }],
      },
      'externalRefs.0.url: must be an http(s) URL',
    ],
    [
      {
        externalRefs: [
          { system: 'pagerduty', id: 'P1' },
          { system: 'pagerduty', id: 'P1' },
        ],
      },
      'externalRefs.1: pagerduty P1 is named twice',
    ],
    [{ colour: 'red' }, 'colour'],
  ])(
    'refuses a bad field with 400 naming it, writing nothing (%#)',
    async (change, message) => {
      const { app, audits } = await setup();
      const res = await request(app)
        .post('/incidents')
        .set('Authorization', as('alice'))
        .send({ ...declaration, ...change });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      const list = await request(app)
        .get('/entities/component/default/settlement-batch/incidents')
        .set('Authorization', as('alice'));
      expect(list.body.items).toEqual([]);
      expect(audits).toEqual([
        expect.objectContaining({
          eventId: 'incident-create',
          outcome: 'fail',
        }),
      ]);
    },
  );

  it.each([
    ['the creator', 'alice'],
    ['the commander', 'carol'],
    ["a member of an involved entity's owner", 'bob'],
    ['a member of a responder group that owns nothing involved', 'heidi'],
  ])('lets %s edit the incident (%s)', async (_who, user) => {
    const { app, audits } = await setup();
    const incident = await declare(app);
    const res = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as(user))
      .send({ version: 1, status: 'identified' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, status: 'identified' });
    expect(audits[audits.length - 1]).toEqual({
      eventId: 'incident-update',
      meta: { incidentId: incident.id },
      outcome: 'success',
    });
  });

  it('lets an external service edit the incidents it declared, and no others; not a plugin calling for others', async () => {
    const { app } = await setup();
    const declared = await request(app)
      .post('/incidents')
      .set('Authorization', serviceHeader('incident-bot'))
      .send(declaration);
    expect(declared.body.createdBy).toBe('incident-bot');
    await request(app)
      .post(`/incidents/${declared.body.id}/timeline`)
      .set('Authorization', serviceHeader('incident-bot'))
      .send({ kind: 'note', text: 'Paged the owners' })
      .expect(201);
    const others = await declare(app);
    await request(app)
      .post(`/incidents/${others.id}/timeline`)
      .set('Authorization', serviceHeader('incident-bot'))
      .send({ kind: 'note', text: 'Not mine' })
      .expect(403);
    // Backstage's MCP server calls as itself for every static-token client alike.
    const proxied = await request(app)
      .post('/incidents')
      .set('Authorization', serviceHeader('plugin:mcp-actions'))
      .send(declaration);
    await request(app)
      .post(`/incidents/${proxied.body.id}/timeline`)
      .set('Authorization', serviceHeader('plugin:mcp-actions'))
      .send({ kind: 'note', text: 'Another client' })
      .expect(403);
  });

  it('lets this plugin edit, and refuses other services as it refuses people', async () => {
    const { app } = await setup();
    const incident = await declare(app);
    const other = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', serviceHeader('plugin:catalog'))
      .send({ version: 1, status: 'identified' });
    expect(other.status).toBe(403);
    const own = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', serviceHeader('plugin:reliability'))
      .send({ version: 1, status: 'identified' });
    expect(own.status).toBe(200);
  });

  it("refuses another incident's external reference with 409, writing nothing", async () => {
    const { app } = await setup();
    const externalRefs = [{ system: 'pagerduty', id: 'PT4KHLK' }];
    await declare(app, { ...declaration, externalRefs } as any);
    const res = await request(app)
      .post('/incidents')
      .set('Authorization', as('alice'))
      .send({ ...declaration, title: 'Second', externalRefs });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('externalRefs');
    const list = await request(app)
      .get('/incidents')
      .set('Authorization', as('alice'));
    expect(list.body.items).toHaveLength(1);
  });

  it('reopens a resolved incident, clearing resolvedAt, and keeps a resolved one resolved', async () => {
    const now = new Date('2026-11-20T11:00:00Z');
    const { app } = await setup({ now: () => now });
    const incident = await declare(app, {
      ...declaration,
      status: 'resolved',
      resolvedAt: '2026-11-20T10:40:00Z',
    } as typeof declaration);
    const kept = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as('alice'))
      .send({ version: 1, resolvedAt: null });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-20T11:00:00.000Z',
    });
    const reopened = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as('alice'))
      .send({ version: 2, status: 'monitoring' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      version: 3,
      status: 'monitoring',
      resolvedAt: null,
    });
    const timeline = await request(app)
      .get(`/incidents/${incident.id}/timeline`)
      .set('Authorization', as('alice'));
    expect(timeline.body.items.map((e: any) => e.text)).toEqual([
      'Status: resolved → monitoring',
    ]);
  });

  it('refuses anyone else with 403, audited as a failure, writing nothing', async () => {
    const { app, audits } = await setup();
    const incident = await declare(app);
    const res = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as('dave'))
      .send({ version: 1, status: 'identified' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      `Only incident ${incident.id}'s creator, its commander`,
    );
    expect(audits[audits.length - 1]).toEqual({
      eventId: 'incident-update',
      meta: { incidentId: incident.id },
      outcome: 'fail',
    });
    const read = await request(app)
      .get(`/incidents/${incident.id}`)
      .set('Authorization', as('dave'));
    expect(read.body).toMatchObject({ version: 1, status: 'investigating' });
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const { app } = await setup();
    const incident = await declare(app);
    const first = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as('alice'))
      .send({ version: 1, severity: 'SEV1' });
    expect(first.status).toBe(200);
    const stale = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as('carol'))
      .send({ version: 1, severity: 'SEV3', summary: 'Overwrite' });
    expect(stale.status).toBe(409);
    const read = await request(app)
      .get(`/incidents/${incident.id}`)
      .set('Authorization', as('dave'));
    expect(read.body).toMatchObject({
      version: 2,
      severity: 'SEV1',
      summary: null,
    });
  });

  it("narrows the edit rule by the policy's reliability.incident.update on the involved entities", async () => {
    const { app } = await setup({
      decide: (permission, resourceRef) =>
        permission === 'reliability.incident.update' &&
        resourceRef === 'resource:default/shared-test-db'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const incident = await declare(app);
    const res = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as('alice'))
      .send({ version: 1, status: 'identified' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('reliability.incident.update');
  });

  it('applies reliability.incident.update to the entities a change adds', async () => {
    const { app } = await setup({
      decide: (permission, resourceRef) =>
        permission === 'reliability.incident.update' &&
        resourceRef === 'component:default/ledger-service'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const incident = await declare(app);
    const res = await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as('alice'))
      .send({
        version: 1,
        entities: [
          ...declaration.entities,
          { entityRef: 'component:default/ledger-service', role: 'affected' },
        ],
      });
    expect(res.status).toBe(403);
    const read = await request(app)
      .get(`/incidents/${incident.id}`)
      .set('Authorization', as('alice'));
    expect(read.body.version).toBe(1);
  });

  it('refuses a declaration when the policy denies reliability.incident.create', async () => {
    const { app } = await setup({
      decide: permission =>
        permission === 'reliability.incident.create'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const res = await request(app)
      .post('/incidents')
      .set('Authorization', as('alice'))
      .send(declaration);
    expect(res.status).toBe(403);
  });

  it('keeps a timeline: entries at now by default, by their author, and status changes', async () => {
    const now = new Date('2026-11-20T10:30:00Z');
    const { app, audits } = await setup({ now: () => now });
    const incident = await declare(app);
    const added = await request(app)
      .post(`/incidents/${incident.id}/timeline`)
      .set('Authorization', as('bob'))
      .send({ kind: 'action', text: 'Stopped the failover test' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.any(Number),
      incidentId: incident.id,
      at: '2026-11-20T10:30:00.000Z',
      author: 'user:default/bob',
      kind: 'action',
      text: 'Stopped the failover test',
    });
    await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as('alice'))
      .send({ version: 1, status: 'resolved' })
      .expect(200);
    const timeline = await request(app)
      .get(`/incidents/${incident.id}/timeline`)
      .set('Authorization', as('dave'));
    expect(timeline.body.items.map((e: any) => [e.kind, e.text])).toEqual([
      ['action', 'Stopped the failover test'],
      ['status-change', 'Status: investigating → resolved'],
    ]);
    // A timeline entry does not change the incident's version.
    const read = await request(app)
      .get(`/incidents/${incident.id}`)
      .set('Authorization', as('dave'));
    expect(read.body).toMatchObject({
      version: 2,
      resolvedAt: '2026-11-20T10:30:00.000Z',
    });
    const refused = await request(app)
      .post(`/incidents/${incident.id}/timeline`)
      .set('Authorization', as('dave'))
      .send({ kind: 'note', text: 'Not mine' });
    expect(refused.status).toBe(403);
    expect(
      audits
        .filter(a => a.eventId === 'incident-timeline-add')
        .map(a => [a.meta, a.outcome]),
    ).toEqual([
      [{ incidentId: incident.id }, 'success'],
      [{ incidentId: incident.id }, 'fail'],
    ]);
  });

  it('writes the postmortem once, then only at its version; owners of action items must exist', async () => {
    const { app, audits } = await setup();
    const incident = await declare(app);
    const postmortem = {
      symptom: 'Settlements were two hours late.',
      response: 'The test was stopped and the batch re-run.',
      cause: 'The batch still read the shared test database.',
      actionItems: [
        {
          text: 'Give the batch its own database',
          category: 'prevent',
          owner: 'group:default/payments',
          dueDate: '2026-12-15',
          status: 'open',
        },
      ],
    };
    const first = await request(app)
      .put(`/incidents/${incident.id}/postmortem`)
      .set('Authorization', as('bob'))
      .send(postmortem);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 1,
      createdBy: 'user:default/bob',
    });
    const again = await request(app)
      .put(`/incidents/${incident.id}/postmortem`)
      .set('Authorization', as('alice'))
      .send(postmortem);
    expect(again.status).toBe(409);
    const second = await request(app)
      .put(`/incidents/${incident.id}/postmortem`)
      .set('Authorization', as('alice'))
      .send({ ...postmortem, version: 1, wentWell: 'Alerts fired at once.' });
    expect(second.body).toMatchObject({
      version: 2,
      wentWell: 'Alerts fired at once.',
    });
    const badOwner = await request(app)
      .put(`/incidents/${incident.id}/postmortem`)
      .set('Authorization', as('alice'))
      .send({
        ...postmortem,
        version: 2,
        actionItems: [
          {
            ...postmortem.actionItems[0],
            owner: 'group:default/ghosts',
            dueDate: '2026-02-30',
          },
        ],
      });
    expect(badOwner.status).toBe(400);
    expect(badOwner.body.error.message).toContain(
      'actionItems.0.dueDate: must be a date that exists',
    );
    const unknownOwner = await request(app)
      .put(`/incidents/${incident.id}/postmortem`)
      .set('Authorization', as('alice'))
      .send({
        ...postmortem,
        version: 2,
        actionItems: [
          postmortem.actionItems[0],
          { ...postmortem.actionItems[0], owner: 'group:default/ghosts' },
        ],
      });
    expect(unknownOwner.status).toBe(400);
    expect(unknownOwner.body.error.message).toBe(
      'actionItems.1.owner: group:default/ghosts is not in the catalog',
    );
    const read = await request(app)
      .get(`/incidents/${incident.id}/postmortem`)
      .set('Authorization', as('dave'));
    expect(read.body.version).toBe(2);
    // The postmortem has its own version; the incident's stays.
    const incidentRead = await request(app)
      .get(`/incidents/${incident.id}`)
      .set('Authorization', as('dave'));
    expect(incidentRead.body).toMatchObject({
      version: 1,
      postmortem: expect.objectContaining({ version: 2 }),
    });
    expect(audits.map(a => [a.eventId, a.outcome])).toEqual([
      ['incident-create', 'success'],
      ['incident-postmortem-write', 'success'],
      ['incident-postmortem-write', 'fail'],
      ['incident-postmortem-write', 'success'],
      ['incident-postmortem-write', 'fail'],
      ['incident-postmortem-write', 'fail'],
    ]);
    const items = await request(app)
      .get('/entities/component/default/settlement-batch/action-items')
      .set('Authorization', as('dave'));
    expect(items.body.items).toEqual([
      expect.objectContaining({
        incidentId: incident.id,
        text: 'Give the batch its own database',
        owner: 'group:default/payments',
      }),
    ]);
  });

  it("pages an entity's incidents newest first with an opaque cursor", async () => {
    const { app } = await setup();
    const ids: number[] = [];
    for (const day of [1, 2, 3, 4, 5]) {
      const incident = await declare(app, {
        ...declaration,
        title: `Incident on day ${day}`,
        startedAt: `2026-11-0${day}T10:00:00Z`,
        detectedAt: `2026-11-0${day}T10:05:00Z`,
      });
      ids.push(incident.id);
    }
    const path = '/entities/component/default/settlement-batch/incidents';
    const first = await request(app)
      .get(path)
      .query({ limit: 2 })
      .set('Authorization', as('dave'));
    expect(first.body.items.map((i: any) => i.id)).toEqual([ids[4], ids[3]]);
    expect(typeof first.body.cursor).toBe('string');
    const second = await request(app)
      .get(path)
      .query({ limit: 2, cursor: first.body.cursor })
      .set('Authorization', as('dave'));
    expect(second.body.items.map((i: any) => i.id)).toEqual([ids[2], ids[1]]);
    const last = await request(app)
      .get(path)
      .query({ limit: 2, cursor: second.body.cursor })
      .set('Authorization', as('dave'));
    expect(last.body).toEqual({
      items: [expect.objectContaining({ id: ids[0] })],
      cursor: null,
    });
    const window = await request(app)
      .get(path)
      .query({ from: '2026-11-02T00:00:00Z', to: '2026-11-04T00:00:00Z' })
      .set('Authorization', as('dave'));
    expect(window.body.items.map((i: any) => i.id)).toEqual([ids[2], ids[1]]);
    const bad = await request(app)
      .get(path)
      .query({ cursor: 'not-a-cursor' })
      .set('Authorization', as('dave'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('cursor:');
  });

  it('removes the dependency edges of an entity taken out of the incident', async () => {
    const { app, dependencies } = await setup();
    const incident = await declare(app);
    await request(app)
      .patch(`/incidents/${incident.id}`)
      .set('Authorization', as('alice'))
      .send({
        version: 1,
        entities: [
          { entityRef: 'resource:default/shared-test-db', role: 'root-cause' },
          { entityRef: 'component:default/ledger-service', role: 'affected' },
        ],
      })
      .expect(200);
    const found = await dependencies.getDependencies(
      'resource:default/shared-test-db',
      mockCredentials.user(),
    );
    expect(found.hidden.map(edge => edge.source)).toEqual([
      'component:default/ledger-service',
    ]);
  });

  it('answers 404 to a caller who may read none of the entities involved', async () => {
    const { app } = await setup({
      mayRead: user => user !== 'user:default/dave',
    });
    const incident = await declare(app);
    const res = await request(app)
      .get(`/incidents/${incident.id}`)
      .set('Authorization', as('dave'));
    expect(res.status).toBe(404);
    const open = await request(app)
      .get('/incidents')
      .query({ status: 'open' })
      .set('Authorization', as('dave'));
    expect(open.body).toEqual({ items: [], cursor: null });
  });

  describe('for a caller who may read only some entities', () => {
    // Bob reads what Payments owns and people; the shared test database is out of his sight.
    const mayRead = (user: string, ref: string) =>
      user !== 'user:default/bob' || ref !== 'resource:default/shared-test-db';

    it('shows an incident with only the entities it may read, in reads, lists and changes', async () => {
      const { app } = await setup({ mayRead });
      const incident = await declare(app);
      const bobs = [
        { entityRef: 'component:default/settlement-batch', role: 'affected' },
      ];
      const read = await request(app)
        .get(`/incidents/${incident.id}`)
        .set('Authorization', as('bob'));
      expect(read.body.entities).toEqual(bobs);
      const open = await request(app)
        .get('/incidents')
        .query({ status: 'open' })
        .set('Authorization', as('bob'));
      expect(open.body.items.map((i: any) => i.entities)).toEqual([bobs]);

      // Bob adds the ledger; the database he cannot see stays, and his answer omits it.
      const changed = await request(app)
        .patch(`/incidents/${incident.id}`)
        .set('Authorization', as('bob'))
        .send({
          version: 1,
          entities: [
            ...bobs,
            { entityRef: 'component:default/ledger-service', role: 'affected' },
          ],
        });
      expect(changed.status).toBe(200);
      expect(changed.body.entities).toEqual([
        { entityRef: 'component:default/ledger-service', role: 'affected' },
        ...bobs,
      ]);
      const whole = await request(app)
        .get(`/incidents/${incident.id}`)
        .set('Authorization', as('alice'));
      expect(whole.body.entities).toEqual([
        { entityRef: 'component:default/ledger-service', role: 'affected' },
        { entityRef: 'component:default/settlement-batch', role: 'affected' },
        { entityRef: 'resource:default/shared-test-db', role: 'root-cause' },
      ]);
    });

    it('answers an entity it may not read as not in the catalog, writing nothing', async () => {
      const { app, dependencies } = await setup({ mayRead });
      const res = await request(app)
        .post('/incidents')
        .set('Authorization', as('bob'))
        .send(declaration);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'entities.0.entityRef: resource:default/shared-test-db is not in the catalog',
      );
      const list = await request(app)
        .get('/incidents')
        .set('Authorization', as('alice'));
      expect(list.body.items).toEqual([]);
      const found = await dependencies.getDependencies(
        'resource:default/shared-test-db',
        mockCredentials.user(),
      );
      expect(found.hidden).toEqual([]);
    });
  });

  it("answers an entity's metrics over the incidents that started in [from, to)", async () => {
    const { app } = await setup({
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    for (const [startedAt, resolvedAt] of [
      ['2026-11-01T10:00:00Z', '2026-11-01T11:30:00Z'],
      ['2026-11-10T10:00:00Z', '2026-11-10T10:30:00Z'],
      ['2026-11-20T10:00:00Z', '2026-11-20T10:10:00Z'],
    ]) {
      await declare(app, {
        ...declaration,
        status: 'resolved',
        startedAt,
        detectedAt: startedAt,
        resolvedAt,
      } as typeof declaration);
    }
    const res = await request(app)
      .get('/entities/component/default/settlement-batch/incident-metrics')
      .query({ from: '2026-11-01T10:00:00Z', to: '2026-11-20T10:00:00Z' })
      .set('Authorization', as('dave'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      count: 2,
      bySeverity: { SEV1: 0, SEV2: 2, SEV3: 0, SEV4: 0 },
      mttd: { median: 0, mean: 0, count: 2 },
      mttr: { median: 60, mean: 60, count: 2 },
      // Resolved SEV2s without postmortems, both past the five days.
      postmortemsMissing: 2,
    });
    const unknown = await request(app)
      .get('/entities/component/default/nowhere/incident-metrics')
      .set('Authorization', as('dave'));
    expect(unknown.status).toBe(404);
  });
});
