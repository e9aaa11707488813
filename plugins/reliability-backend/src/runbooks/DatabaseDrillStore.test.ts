import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Drill } from '@reliability-suite/backstage-plugin-reliability-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { DatabaseDrillStore } from './DatabaseDrillStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const FAILOVER = 'https://wiki.example.com/orders/failover';
const ROLLBACK = 'https://wiki.example.com/orders/rollback';

function drill(overrides: Partial<Omit<Drill, 'id'>> = {}): Omit<Drill, 'id'> {
  return {
    entityRef: 'component:default/orders-service',
    runbookUrl: FAILOVER,
    scenario: 'The primary database stops',
    performedAt: '2026-11-20T10:00:00.000Z',
    outcome: 'passed',
    minutesToMitigate: 14,
    participants: ['user:default/dave', 'user:default/erin'],
    findings: 'The replica took 9 minutes to promote.',
    recordedBy: 'user:default/dave',
    recordedAt: '2026-11-20T12:00:00.000Z',
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseDrillStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return new DatabaseDrillStore(
        await migrateDatabase(
          mockServices.database({ knex, migrations: { skip: false } }),
        ),
      );
    }

    it('keeps a drill as recorded', async () => {
      const store = await createStore();
      const recorded = await store.recordDrill(drill());
      expect(recorded).toEqual({ id: expect.any(Number), ...drill() });
      await expect(
        store.listDrills('component:default/orders-service', { limit: 10 }),
      ).resolves.toEqual([recorded]);
    });

    it('pages drills newest first, then by id', async () => {
      const store = await createStore();
      const a = await store.recordDrill(
        drill({ performedAt: '2026-11-01T10:00:00.000Z' }),
      );
      const b = await store.recordDrill(
        drill({ performedAt: '2026-11-10T10:00:00.000Z' }),
      );
      const c = await store.recordDrill(
        drill({ performedAt: '2026-11-10T10:00:00.000Z' }),
      );
      await store.recordDrill(drill({ entityRef: 'component:default/other' }));
      const ref = 'component:default/orders-service';
      const first = await store.listDrills(ref, { limit: 2 });
      expect(first.map(d => d.id)).toEqual([b.id, c.id]);
      const rest = await store.listDrills(ref, {
        limit: 2,
        after: { performedAt: new Date(c.performedAt), id: c.id },
      });
      expect(rest.map(d => d.id)).toEqual([a.id]);
    });

    it("answers each runbook's latest drill", async () => {
      const store = await createStore();
      await store.recordDrill(
        drill({ performedAt: '2026-08-01T10:00:00.000Z' }),
      );
      const latestFailover = await store.recordDrill(
        drill({ performedAt: '2026-11-25T10:00:00.000Z', outcome: 'failed' }),
      );
      await store.recordDrill(
        drill({ performedAt: '2026-10-01T10:00:00.000Z' }),
      );
      const rollback = await store.recordDrill(
        drill({ runbookUrl: ROLLBACK, outcome: 'partial' }),
      );
      const latest = await store.latestDrills(
        'component:default/orders-service',
      );
      expect(latest).toEqual(
        new Map([
          [FAILOVER, latestFailover],
          [ROLLBACK, rollback],
        ]),
      );
      await expect(
        store.latestDrills('component:default/nothing'),
      ).resolves.toEqual(new Map());
    });
  },
);
