import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../database/migrateDatabase';
import { DatabaseSloSnapshotStore } from './DatabaseSloSnapshotStore';
import { SloSnapshot } from './SloSnapshotStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const noData: SloSnapshot['details'] = {
  errorBudget: { total: 0.001, consumed: null, remaining: null },
  burnRates: {
    '5m': null,
    '30m': null,
    '1h': null,
    '2h': null,
    '6h': null,
    '1d': null,
    '3d': null,
  },
  alerts: [],
  stale: false,
  error: null,
  window: null,
};

function snapshot(overrides: Partial<SloSnapshot>): SloSnapshot {
  return {
    sloRef: 'slo:default/orders-availability',
    objectiveIndex: 0,
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    state: 'ok',
    sli: 0.9995,
    details: {
      errorBudget: { total: 0.001, consumed: 0.5, remaining: 0.5 },
      burnRates: {
        '5m': 1,
        '30m': 1,
        '1h': 1,
        '2h': 1,
        '6h': 1,
        '1d': 1,
        '3d': 1,
      },
      alerts: [],
      stale: false,
      error: null,
      window: {
        start: '2026-10-23T10:00:00.000Z',
        end: '2026-11-20T10:00:00.000Z',
      },
    },
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseSloSnapshotStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = new DatabaseSloSnapshotStore(
        await migrateDatabase(
          mockServices.database({ knex, migrations: { skip: false } }),
        ),
      );
      return { knex, store };
    }

    it('returns the latest snapshot of each objective, as written', async () => {
      const { store } = await createStore();
      await store.addSnapshots([
        snapshot({ evaluatedAt: '2026-11-20T10:00:00.000Z', sli: 0.9991 }),
      ]);
      await store.addSnapshots([
        snapshot({
          evaluatedAt: '2026-11-20T10:01:00.000Z',
          sli: 0.9992,
          state: 'warning',
        }),
      ]);
      await store.addSnapshots([
        snapshot({
          objectiveIndex: 1,
          sli: null,
          state: 'no-data',
          details: { ...noData },
        }),
      ]);
      await store.addSnapshots([
        snapshot({ sloRef: 'slo:default/payments-latency' }),
      ]);

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
          details: { ...noData },
        }),
      ]);
    });

    it('returns nothing for SLOs never evaluated', async () => {
      const { store } = await createStore();
      await store.addSnapshots([snapshot({})]);
      await expect(store.getLatestSnapshots([])).resolves.toEqual([]);
      await expect(
        store.getLatestSnapshots(['slo:default/unknown']),
      ).resolves.toEqual([]);
    });

    it('drops old history but keeps each objective’s latest snapshot', async () => {
      const { store, knex } = await createStore();
      await store.addSnapshots([
        snapshot({ evaluatedAt: '2026-10-01T00:00:00.000Z' }),
      ]);
      await store.addSnapshots([
        snapshot({ evaluatedAt: '2026-10-02T00:00:00.000Z' }),
      ]);
      await store.addSnapshots([
        snapshot({ evaluatedAt: '2026-11-20T00:00:00.000Z' }),
      ]);
      // An SLO whose evaluations stopped long ago keeps its last known state.
      await store.addSnapshots([
        snapshot({
          sloRef: 'slo:default/retired',
          evaluatedAt: '2026-09-01T00:00:00.000Z',
        }),
      ]);

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
