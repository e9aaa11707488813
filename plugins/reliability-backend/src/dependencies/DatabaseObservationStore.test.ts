import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ObservedEdge } from '@reliability-suite/backstage-plugin-reliability-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { DatabaseObservationStore } from './DatabaseObservationStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const edge = (overrides: Partial<ObservedEdge> = {}): ObservedEdge => ({
  source: 'component:default/orders-service',
  target: 'component:default/config-service',
  evidence: 'traffic',
  detail: 'traces_service_graph_request_total',
  observedAt: new Date('2026-11-20T10:00:00Z'),
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'DatabaseObservationStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return new DatabaseObservationStore(
        await migrateDatabase(
          mockServices.database({ knex, migrations: { skip: false } }),
        ),
      );
    }

    it('upserts: a known edge widens its first and last seen and counts up', async () => {
      const store = await createStore();
      await store.addObservations([edge()]);
      await store.addObservations([
        edge({ observedAt: new Date('2026-11-21T10:00:00Z') }),
        edge({ observedAt: new Date('2026-11-19T10:00:00Z') }),
        edge({ evidence: 'incident', detail: 'INC-42' }),
      ]);
      await expect(store.listObservations()).resolves.toEqual([
        {
          source: 'component:default/orders-service',
          target: 'component:default/config-service',
          evidence: 'incident',
          detail: 'INC-42',
          firstSeen: '2026-11-20T10:00:00.000Z',
          lastSeen: '2026-11-20T10:00:00.000Z',
          count: 1,
        },
        {
          source: 'component:default/orders-service',
          target: 'component:default/config-service',
          evidence: 'traffic',
          detail: 'traces_service_graph_request_total',
          firstSeen: '2026-11-19T10:00:00.000Z',
          lastSeen: '2026-11-21T10:00:00.000Z',
          count: 3,
        },
      ]);
    });

    it('takes 10,000 edges in one batch', async () => {
      const store = await createStore();
      const edges = Array.from({ length: 10_000 }, (_, i) =>
        edge({ source: `component:default/svc-${i}` }),
      );
      await store.addObservations(edges);
      await expect(store.listObservations()).resolves.toHaveLength(10_000);
    });

    it('deletes given edges, and those not seen since a cutoff but incident evidence', async () => {
      const store = await createStore();
      await store.addObservations([
        edge({ evidence: 'manual', detail: '' }),
        edge(),
        edge({
          target: 'resource:default/shared-test-db',
          observedAt: new Date('2026-10-01T00:00:00Z'),
        }),
        edge({
          target: 'resource:default/orders-db',
          evidence: 'incident',
          detail: 'Incident 1: Orders database failover',
          observedAt: new Date('2026-01-01T00:00:00Z'),
        }),
      ]);
      await expect(
        store.deleteObservations([
          {
            source: edge().source,
            target: edge().target,
            evidence: 'manual',
            detail: '',
          },
        ]),
      ).resolves.toBe(1);
      await expect(
        store.deleteObservationsNotSeenSince(new Date('2026-11-01T00:00:00Z')),
      ).resolves.toBe(1);
      const left = await store.listObservations();
      expect(left.map(o => [o.target, o.evidence])).toEqual([
        ['component:default/config-service', 'traffic'],
        ['resource:default/orders-db', 'incident'],
      ]);
      await expect(
        store.listObservations({ since: new Date('2026-11-21T00:00:00Z') }),
      ).resolves.toEqual([]);
    });
  },
);
