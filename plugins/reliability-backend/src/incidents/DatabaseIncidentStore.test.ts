import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../database/migrateDatabase';
import { DatabaseIncidentStore } from './DatabaseIncidentStore';
import { IncidentFields } from './IncidentStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const at = new Date('2026-11-20T12:00:00Z');

function fields(overrides: Partial<IncidentFields> = {}): IncidentFields {
  return {
    title: 'Failover test blocked the shared test database',
    severity: 'SEV2',
    status: 'investigating',
    cause: 'test',
    startedAt: new Date('2026-11-20T10:00:00Z'),
    detectedAt: new Date('2026-11-20T10:07:00Z'),
    declaredAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    mitigation: null,
    commander: 'user:default/grace',
    summary: 'Settlement stopped',
    impact: null,
    channel: '#inc-settlement',
    entities: [
      { entityRef: 'resource:default/shared-test-db', role: 'root-cause' },
      { entityRef: 'component:default/settlement-batch', role: 'affected' },
    ],
    externalRefs: [
      { system: 'pagerduty', id: 'PT4KHLK', url: 'https://pd/PT4KHLK' },
    ],
    ...overrides,
  };
}

const postmortem = {
  symptom: 'Settlements were late by two hours.',
  response: 'The failover test was stopped and the batch re-run.',
  cause: 'The batch still read the shared test database.',
  actionItems: [
    {
      text: 'Move the batch to its own database',
      category: 'prevent' as const,
      owner: 'group:default/payments',
      dueDate: '2026-12-15',
      status: 'open' as const,
    },
    {
      text: 'Alert on late settlements',
      category: 'detect' as const,
      owner: 'group:default/payments',
      status: 'done' as const,
      link: 'https://tickets/123',
    },
  ],
};

describe.each(databases.eachSupportedId())(
  'DatabaseIncidentStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return new DatabaseIncidentStore(
        await migrateDatabase(
          mockServices.database({ knex, migrations: { skip: false } }),
        ),
      );
    }

    it('keeps an incident with its entities and external references, at version 1', async () => {
      const store = await createStore();
      const created = await store.createIncident(fields(), {
        createdBy: 'user:default/alice',
        at,
      });
      expect(created).toEqual({
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
        commander: 'user:default/grace',
        summary: 'Settlement stopped',
        impact: null,
        channel: '#inc-settlement',
        entities: [
          { entityRef: 'component:default/settlement-batch', role: 'affected' },
          { entityRef: 'resource:default/shared-test-db', role: 'root-cause' },
        ],
        externalRefs: [
          { system: 'pagerduty', id: 'PT4KHLK', url: 'https://pd/PT4KHLK' },
        ],
        version: 1,
        createdBy: 'user:default/alice',
        createdAt: '2026-11-20T12:00:00.000Z',
        updatedAt: '2026-11-20T12:00:00.000Z',
        postmortem: null,
      });
      await expect(store.getIncident(created.id)).resolves.toEqual(created);
      await expect(
        store.findByExternalRef('pagerduty', 'PT4KHLK'),
      ).resolves.toEqual(created);
      await expect(store.getIncident(created.id + 1)).resolves.toBeUndefined();
    });

    it('changes an incident only at the version read, and refuses a stale one writing nothing', async () => {
      const store = await createStore();
      const { id } = await store.createIncident(fields(), {
        createdBy: 'user:default/alice',
        at,
      });
      const later = new Date('2026-11-20T13:00:00Z');
      const updated = await store.updateIncident(
        id,
        1,
        {
          status: 'resolved',
          resolvedAt: later,
          entities: [
            {
              entityRef: 'resource:default/shared-test-db',
              role: 'root-cause',
            },
          ],
        },
        {
          at: later,
          timelineEntry: {
            incidentId: id,
            at: later.toISOString(),
            author: 'user:default/alice',
            kind: 'status-change',
            text: 'Status: investigating → resolved',
          },
        },
      );
      expect(updated).toMatchObject({
        version: 2,
        status: 'resolved',
        resolvedAt: '2026-11-20T13:00:00.000Z',
        updatedAt: '2026-11-20T13:00:00.000Z',
        title: 'Failover test blocked the shared test database',
        entities: [
          { entityRef: 'resource:default/shared-test-db', role: 'root-cause' },
        ],
      });

      await expect(store.listTimeline(id, 10)).resolves.toMatchObject([
        { kind: 'status-change', text: 'Status: investigating → resolved' },
      ]);

      await expect(
        store.updateIncident(
          id,
          1,
          { title: 'Overwritten' },
          {
            at: later,
            timelineEntry: {
              incidentId: id,
              at: later.toISOString(),
              author: 'user:default/bob',
              kind: 'status-change',
              text: 'Status: resolved → monitoring',
            },
          },
        ),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('is at version 2, not 1'),
      });
      await expect(store.getIncident(id)).resolves.toEqual(updated);
      await expect(store.listTimeline(id, 10)).resolves.toHaveLength(1);
      await expect(
        store.updateIncident(id + 100, 1, { title: 'x' }, { at: later }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it("refuses another incident's external reference with a conflict, writing nothing", async () => {
      const store = await createStore();
      const first = await store.createIncident(fields(), {
        createdBy: 'user:default/alice',
        at,
      });
      await expect(
        store.createIncident(fields({ title: 'Second' }), {
          createdBy: 'user:default/bob',
          at,
        }),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('externalRefs'),
      });
      const second = await store.createIncident(
        fields({ title: 'Second', externalRefs: [] }),
        { createdBy: 'user:default/bob', at },
      );
      await expect(
        store.updateIncident(
          second.id,
          1,
          { title: 'Taken', externalRefs: first.externalRefs },
          { at },
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(store.getIncident(second.id)).resolves.toEqual(second);
      await expect(
        store.listIncidents({}, { limit: 10 }),
      ).resolves.toHaveLength(2);
    });

    it('pages newest first by start, then by id, and filters by entity, status and start', async () => {
      const store = await createStore();
      const day = (d: number) => new Date(Date.UTC(2026, 10, d, 10));
      const ids: number[] = [];
      // Two start at the same instant: the id orders them.
      for (const [d, status, entity] of [
        [1, 'resolved', 'component:default/orders-service'],
        [3, 'resolved', 'component:default/orders-service'],
        [3, 'identified', 'component:default/orders-service'],
        [5, 'investigating', 'component:default/payments-service'],
        [7, 'resolved', 'component:default/orders-service'],
      ] as const) {
        const incident = await store.createIncident(
          fields({
            startedAt: day(d),
            detectedAt: null,
            status,
            resolvedAt: status === 'resolved' ? day(d + 1) : null,
            entities: [{ entityRef: entity, role: 'affected' }],
            externalRefs: [],
          }),
          { createdBy: 'user:default/alice', at },
        );
        ids.push(incident.id);
      }
      const orders = { entityRef: 'component:default/orders-service' };
      const first = await store.listIncidents(orders, { limit: 2 });
      expect(first.map(i => i.id)).toEqual([ids[4], ids[2]]);
      const last = first[first.length - 1];
      const second = await store.listIncidents(orders, {
        limit: 2,
        after: { startedAt: new Date(last.startedAt), id: last.id },
      });
      expect(second.map(i => i.id)).toEqual([ids[1], ids[0]]);

      const open = await store.listIncidents({ status: 'open' }, { limit: 10 });
      expect(open.map(i => i.id)).toEqual([ids[3], ids[2]]);
      const window = await store.listIncidents(
        { ...orders, from: day(3), to: day(7) },
        { limit: 10 },
      );
      expect(window.map(i => i.id)).toEqual([ids[2], ids[1]]);
    });

    it('keeps the timeline in time order', async () => {
      const store = await createStore();
      const { id } = await store.createIncident(fields(), {
        createdBy: 'user:default/alice',
        at,
      });
      const later = await store.addTimelineEntry({
        incidentId: id,
        at: '2026-11-20T10:30:00.000Z',
        author: 'user:default/grace',
        kind: 'action',
        text: 'Stopped the failover test',
      });
      await store.addTimelineEntry({
        incidentId: id,
        at: '2026-11-20T10:07:00.000Z',
        author: 'user:default/grace',
        kind: 'alert',
        text: 'Settlement lag alert',
      });
      expect(later).toEqual({
        id: expect.any(Number),
        incidentId: id,
        at: '2026-11-20T10:30:00.000Z',
        author: 'user:default/grace',
        kind: 'action',
        text: 'Stopped the failover test',
      });
      const timeline = await store.listTimeline(id, 100);
      expect(timeline.map(e => e.text)).toEqual([
        'Settlement lag alert',
        'Stopped the failover test',
      ]);
      expect(await store.listTimeline(id, 1)).toHaveLength(1);
    });

    it('creates a postmortem once, replaces it only at its version, and never touches the incident version', async () => {
      const store = await createStore();
      const { id } = await store.createIncident(fields(), {
        createdBy: 'user:default/alice',
        at,
      });
      const first = await store.putPostmortem(id, postmortem, {
        by: 'user:default/grace',
        at,
      });
      expect(first).toEqual({
        incidentId: id,
        ...postmortem,
        trigger: null,
        detection: null,
        wentWell: null,
        wentWrong: null,
        gotLucky: null,
        actionItems: [
          { ...postmortem.actionItems[0], link: null },
          { ...postmortem.actionItems[1], dueDate: null },
        ],
        version: 1,
        createdBy: 'user:default/grace',
        updatedBy: 'user:default/grace',
        updatedAt: '2026-11-20T12:00:00.000Z',
      });
      await expect(
        store.putPostmortem(id, postmortem, { by: 'user:default/bob', at }),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      const second = await store.putPostmortem(
        id,
        { ...postmortem, gotLucky: 'It was a test day', actionItems: [] },
        { version: 1, by: 'user:default/bob', at },
      );
      expect(second).toMatchObject({
        version: 2,
        gotLucky: 'It was a test day',
        actionItems: [],
        createdBy: 'user:default/grace',
        updatedBy: 'user:default/bob',
      });
      await expect(
        store.putPostmortem(id, postmortem, {
          version: 1,
          by: 'user:default/bob',
          at,
        }),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('is at version 2, not 1'),
      });
      await expect(store.getPostmortem(id)).resolves.toEqual(second);
      await expect(store.getIncident(id)).resolves.toMatchObject({
        version: 1,
        postmortem: { version: 2, updatedAt: '2026-11-20T12:00:00.000Z' },
      });
    });

    it('measures incidents with their postmortem state and open action items', async () => {
      const store = await createStore();
      const a = await store.createIncident(fields(), {
        createdBy: 'user:default/alice',
        at,
      });
      const b = await store.createIncident(
        fields({ severity: 'SEV4', cause: 'config', externalRefs: [] }),
        { createdBy: 'user:default/alice', at },
      );
      await store.putPostmortem(a.id, postmortem, {
        by: 'user:default/grace',
        at,
      });
      const measures = await store.measureIncidents({
        entityRef: 'component:default/settlement-batch',
      });
      expect(
        measures.map(m => [m.id, m.hasPostmortem, m.openActionItems]),
      ).toEqual(
        expect.arrayContaining([
          [a.id, true, 1],
          [b.id, false, 0],
        ]),
      );
      const open = await store.listOpenActionItemsOfEntity(
        'resource:default/shared-test-db',
        10,
      );
      expect(open).toEqual([
        {
          incidentId: a.id,
          incidentTitle: 'Failover test blocked the shared test database',
          ...postmortem.actionItems[0],
          link: null,
        },
      ]);
    });

    it('remembers applied webhook deliveries by any of their keys', async () => {
      const store = await createStore();
      await expect(store.hasDelivery(['pagerduty:abc'])).resolves.toBe(false);
      await store.recordDeliveries(['pagerduty:abc', 'pagerduty:event:1'], at);
      await store.recordDeliveries(['pagerduty:abc'], at);
      await expect(store.hasDelivery(['pagerduty:abc'])).resolves.toBe(true);
      await expect(
        store.hasDelivery(['pagerduty:new', 'pagerduty:event:1']),
      ).resolves.toBe(true);
      await expect(store.hasDelivery(['pagerduty:def'])).resolves.toBe(false);
      await expect(store.hasDelivery([])).resolves.toBe(false);
    });
  },
);
