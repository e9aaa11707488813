import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

export const migrationsDirectory = resolvePackagePath(
  '@reliability-suite/backstage-plugin-reliability-backend',
  'migrations',
);

/**
 * Brings the plugin's schema up to date, unless the operator manages migrations themselves
 * (`backend.database.plugin.reliability.skipMigrations`).
 */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDirectory });
  }
  return client;
}
