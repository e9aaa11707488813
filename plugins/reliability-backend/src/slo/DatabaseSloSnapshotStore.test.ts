import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseSloSnapshotStore } from './DatabaseSloSnapshotStore';
import { SloSnapshot } from './SloSnapshotStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function snapshot(overrides: Partial<SloSnapshot>): SloSnapshot {
  return {
    sloRef: 'slo:default/orders-availability',
    objectiveIndex: 0,
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    state: 'ok',
    sli: 0.9995,
    details: { errorBudget: { total: 0.001, consumed: 0.5, remaining: 0.5 } },
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseSloSnapshotStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseSloSnapshotStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      return { knex, store };
    }

    it('returns the latest snapshot of each objective, as written', async () => {
      const { store } = await createStore();
      await store.addSnapshot(
        snapshot({ evaluatedAt: '2026-11-20T10:00:00.000Z', sli: 0.9991 }),
      );
      await store.addSnapshot(
        snapshot({
          evaluatedAt: '2026-11-20T10:01:00.000Z',
          sli: 0.9992,
          state: 'warning',
        }),
      );
      await store.addSnapshot(
        snapshot({
          objectiveIndex: 1,
          sli: null,
          state: 'no-data',
          details: {},
        }),
      );
      await store.addSnapshot(
        snapshot({ sloRef: 'slo:default/payments-latency' }),
      );

      await expect(
        store.getLatestSnapshots(['slo:default/orders-availability']),
      ).resolves.toEqual([
        snapshot({
          evaluatedAt: '2026-11-20T10:01:00.000Z',
          sli: 0.9992,
          state: 'warning',
        }),
        snapshot({
          objectiveIndex: 1,
          sli: null,
          state: 'no-data',
          details: {},
        }),
      ]);
    });

    it('returns nothing for SLOs never evaluated', async () => {
      const { store } = await createStore();
      await store.addSnapshot(snapshot({}));
      await expect(store.getLatestSnapshots([])).resolves.toEqual([]);
      await expect(
        store.getLatestSnapshots(['slo:default/unknown']),
      ).resolves.toEqual([]);
    });

    it('drops old history but keeps each objective’s latest snapshot', async () => {
      const { store, knex } = await createStore();
      await store.addSnapshot(
        snapshot({ evaluatedAt: '2026-10-01T00:00:00.000Z' }),
      );
      await store.addSnapshot(
        snapshot({ evaluatedAt: '2026-10-02T00:00:00.000Z' }),
      );
      await store.addSnapshot(
        snapshot({ evaluatedAt: '2026-11-20T00:00:00.000Z' }),
      );
      // An SLO whose evaluations stopped long ago keeps its last known state.
      await store.addSnapshot(
        snapshot({
          sloRef: 'slo:default/retired',
          evaluatedAt: '2026-09-01T00:00:00.000Z',
        }),
      );

      await expect(
        store.deleteSnapshotsBefore(new Date('2026-11-01T00:00:00.000Z')),
      ).resolves.toBe(2);

      const remaining = await knex('slo_snapshots').orderBy('id');
      expect(remaining.map(row => row.slo_ref)).toEqual([
        'slo:default/orders-availability',
        'slo:default/retired',
      ]);
      await expect(
        store.getLatestSnapshots(['slo:default/retired']),
      ).resolves.toEqual([
        snapshot({
          sloRef: 'slo:default/retired',
          evaluatedAt: '2026-09-01T00:00:00.000Z',
        }),
      ]);
    });
  },
);
