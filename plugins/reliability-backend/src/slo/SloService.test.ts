import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SliSource } from '@reliability-suite/backstage-plugin-reliability-node';
import { componentEntity } from '../__testUtils__/catalogEntities';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { inlineSlo } from './__testUtils__/inlineSlo';
import { MemorySnapshotStore } from './__testUtils__/MemorySnapshotStore';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { SloCatalog } from './SloCatalog';
import { SloService } from './SloService';

const synthetic: SliSource = {
  type: 'Synthetic',
  async measure() {
    throw new Error('the service reads snapshots, it never measures');
  },
  async measureRange() {
    throw new Error('not used');
  },
};

function service(entities: Entity[], permissions = mockServices.permissions()) {
  const catalog = catalogServiceMock({ entities });
  const catalogIndex = new CatalogIndex({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
  return new SloService({
    catalog: new SloCatalog({
      catalog,
      catalogIndex,
      readFilter: new CatalogReadFilter({ catalog, permissions }),
    }),
    catalogIndex,
    store: new MemorySnapshotStore(),
    sources: [synthetic],
  });
}

describe('SloService before the first evaluation', () => {
  const entities = [
    componentEntity('orders-service', { owner: 'group:default/commerce' }),
    inlineSlo({ name: 'orders-availability', type: 'Synthetic' }),
  ];

  it('answers pending, with no values and no error, for an SLO not evaluated yet', async () => {
    const [item] = await service(entities).listEntitySlos(
      'component:default/orders-service',
      mockCredentials.user(),
    );
    expect(item.status).toMatchObject({
      state: 'pending',
      sli: null,
      errorBudget: { remaining: null },
      error: null,
    });
  });

  it('gives no release-gate verdict from a pending SLO, and says why', async () => {
    const gate = await service(entities).getReleaseGate(
      'component:default/orders-service',
      mockCredentials.user(),
    );
    expect(gate.state).toBe('no-data');
    expect(gate.reasons).toEqual([
      'orders-availability (target 99% over 28d): not evaluated yet, so no verdict',
    ]);
  });
});

describe('SloService and what the caller may read', () => {
  it('lists only the SLOs the caller may read in the catalog', async () => {
    const entities = [
      componentEntity('orders-service', { owner: 'group:default/commerce' }),
      inlineSlo({ name: 'orders-availability', type: 'Synthetic' }),
    ];
    const orders = 'component:default/orders-service';
    const allowed = await service(entities).listEntitySlos(
      orders,
      mockCredentials.user(),
    );
    expect(allowed.map(item => item.ref)).toEqual([
      'slo:default/orders-availability',
    ]);
    const denied = await service(
      entities,
      mockServices.permissions.mock({
        authorizeConditional: async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY })),
      }),
    ).listEntitySlos(orders, mockCredentials.user());
    expect(denied).toEqual([]);
  });
});
