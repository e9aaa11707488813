import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { CatalogIndex } from '../../catalog/CatalogIndex';
import { CatalogReadFilter } from '../../catalog/CatalogReadFilter';
import { migrateDatabase } from '../../database/migrateDatabase';
import { EscalationService } from '../../escalation/EscalationService';
import { DatabaseObservationStore } from '../DatabaseObservationStore';
import { DependencyService } from '../DependencyService';

/**
 * A DependencyService on `catalog` with its observations in `knex`, no SLO snapshots, a policy
 * that allows every catalog read, and the default settings.
 */
export async function createTestDependencyService(options: {
  catalog: CatalogService;
  knex: Knex;
}) {
  const { catalog, knex } = options;
  const observations = new DatabaseObservationStore(
    await migrateDatabase(
      mockServices.database({ knex, migrations: { skip: false } }),
    ),
  );
  const catalogIndex = new CatalogIndex({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
  const readFilter = new CatalogReadFilter({
    catalog,
    permissions: mockServices.permissions(),
  });
  const service = new DependencyService({
    catalog,
    catalogIndex,
    readFilter,
    observations,
    sloSnapshots: { worstByEntity: async () => new Map() },
    ownership: new EscalationService({
      catalog,
      catalogIndex,
      readFilter,
      providers: [],
    }),
    settings: {
      retentionDays: 90,
      staleAfterDays: 14,
      maxDepth: 20,
      maxResults: 10_000,
    },
  });
  return { service, observations, catalogIndex };
}
