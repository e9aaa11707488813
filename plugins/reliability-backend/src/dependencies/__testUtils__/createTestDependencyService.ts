import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { CatalogReadFilter } from '../../catalog/CatalogReadFilter';
import { EscalationService } from '../../escalation/EscalationService';
import { SloSnapshotStore } from '../../slo/SloSnapshotStore';
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
  const observations = await DatabaseObservationStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  const auth = mockServices.auth();
  const snapshots: SloSnapshotStore = {
    addSnapshots: async () => {},
    getLatestSnapshots: async () => [],
    deleteSnapshotsBefore: async () => 0,
  };
  const service = new DependencyService({
    catalog,
    readFilter: new CatalogReadFilter({
      catalog,
      permissions: mockServices.permissions(),
    }),
    auth,
    observations,
    snapshots,
    escalation: new EscalationService({ catalog, auth, providers: [] }),
    settings: {
      retentionDays: 90,
      staleAfterDays: 14,
      maxDepth: 20,
      maxResults: 10_000,
    },
  });
  return { service, observations };
}
