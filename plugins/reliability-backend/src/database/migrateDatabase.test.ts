import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDirectory } from './migrateDatabase';

jest.setTimeout(60_000);

const LATER_TABLES = [
  'incidents',
  'incident_entities',
  'incident_external_refs',
  'incident_timeline',
  'incident_postmortems',
  'incident_action_items',
  'incident_webhook_deliveries',
  'runbook_drills',
];

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('apply up to the latest and roll all the way back', async () => {
    const knex = await databases.init(databaseId);

    await knex.migrate.latest({ directory: migrationsDirectory });
    expect(await knex.schema.hasTable('slo_snapshots')).toBe(true);
    expect(await knex.schema.hasTable('observed_dependencies')).toBe(true);
    for (const table of LATER_TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    await knex('slo_snapshots').insert({
      slo_ref: 'slo:default/orders-availability',
      objective_index: 0,
      evaluated_at: new Date('2026-11-20T10:00:00Z'),
      state: 'ok',
      sli: 0.9995,
      details: '{}',
    });

    await knex.migrate.rollback({ directory: migrationsDirectory }, true);
    expect(await knex.schema.hasTable('slo_snapshots')).toBe(false);
    expect(await knex.schema.hasTable('observed_dependencies')).toBe(false);
    for (const table of LATER_TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }

    await knex.migrate.latest({ directory: migrationsDirectory });
    const [{ count }] = await knex('slo_snapshots').count({ count: '*' });
    expect(Number(count)).toBe(0);
  });
});
