import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  componentEntity,
  escalationPolicyEntity,
  groupEntity,
  resourceEntity,
} from '../__testUtils__/catalogEntities';
import { CatalogIndex } from './CatalogIndex';
import { CatalogSnapshot } from './CatalogSnapshot';

const component = (name: string, annotations?: Record<string, string>) =>
  componentEntity(name, { annotations });

function indexOver(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const queryEntities = jest.spyOn(catalog, 'queryEntities');
  const index = new CatalogIndex({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
  return { index, queryEntities, catalog };
}

describe('CatalogIndex', () => {
  it('pages through the catalog once per refresh, whatever the capabilities read of it', async () => {
    const entities = [
      ...Array.from({ length: 2_500 }, (_, i) => component(`service-${i}`)),
      groupEntity('team', { profile: { displayName: 'The Team' } }),
      escalationPolicyEntity('team-oncall', 'group:default/team', {
        name: 'primary',
        timeZone: 'UTC',
        length: 'P1W',
        handoff: '09:00',
        startDate: '2026-01-05',
        members: ['user:default/solo'],
      }),
    ];
    const { index, queryEntities } = indexOver(entities);

    const snapshot = await index.refresh();

    // 2,502 entities in pages of 1,000: three requests, the first with the filter and fields.
    expect(queryEntities).toHaveBeenCalledTimes(3);
    expect(queryEntities.mock.calls[0][0]).toMatchObject({
      limit: 1000,
      fields: expect.arrayContaining(['relations', 'spec.rotations']),
    });
    expect(snapshot.size).toBe(2_502);
    expect(snapshot.entities).toHaveLength(2_500);
    expect(snapshot.displayNameOf('group:default/team')).toBe('The Team');
    expect(snapshot.policiesByOwner.get('group:default/team')).toEqual([
      expect.objectContaining({ ref: 'escalationpolicy:default/team-oncall' }),
    ]);

    // Requests read the snapshot; only a refresh reads the catalog again.
    expect(await index.current()).toBe(snapshot);
    expect(queryEntities).toHaveBeenCalledTimes(3);
  });

  it('tells each listener of every new snapshot and the one it replaces, in order', async () => {
    const { index } = indexOver([component('orders-service')]);
    const heard: Array<[CatalogSnapshot, CatalogSnapshot | undefined]> = [];
    index.onRefresh(async (snapshot, previous) => {
      heard.push([snapshot, previous]);
    });

    const first = await index.refresh();
    const second = await index.refresh();

    expect(heard).toEqual([
      [first, undefined],
      [second, first],
    ]);
  });

  it('lets a listener wait for the snapshot without waiting for itself', async () => {
    const { index } = indexOver([component('orders-service')]);
    // As the dependency graph does: its rebuild reads the snapshot a request may have started.
    index.onRefresh(async () => {
      await index.current();
    });
    const [fromRequest, fromTask] = await Promise.all([
      index.current(),
      index.refresh(),
    ]);
    expect(fromRequest).toBe(fromTask);
  });

  it('reads the catalog again for an owner it does not know, at most every ten seconds and once per refresh', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-22T10:00:00Z') });
    try {
      const { index, queryEntities } = indexOver([component('orders-service')]);
      await index.current();
      expect(queryEntities).toHaveBeenCalledTimes(1);

      await index.current({ mustKnowOwner: 'group:default/new-team' });
      expect(queryEntities).toHaveBeenCalledTimes(1);

      jest.setSystemTime(new Date('2026-11-22T10:00:10.001Z'));
      await index.current({ mustKnowOwner: 'group:default/new-team' });
      expect(queryEntities).toHaveBeenCalledTimes(2);

      // Still missing: not again until the next refresh, however many ask.
      jest.setSystemTime(new Date('2026-11-22T10:00:30Z'));
      await index.current({ mustKnowOwner: 'group:default/new-team' });
      expect(queryEntities).toHaveBeenCalledTimes(2);
      await index.refresh();
      jest.setSystemTime(new Date('2026-11-22T10:00:45Z'));
      await index.current({ mustKnowOwner: 'group:default/new-team' });
      expect(queryEntities).toHaveBeenCalledTimes(4);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('CatalogSnapshot', () => {
  it('places the names telemetry uses: the service-name annotation, else the entity name, a component first', () => {
    const snapshot = new CatalogSnapshot([
      component('batch', { 'reliability.io/service-name': 'nightly-batch' }),
      resourceEntity('orders'),
      component('orders'),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: 'orders-api', namespace: 'default' },
        spec: { type: 'openapi' },
      },
    ]);
    expect(snapshot.entityForServiceName('nightly-batch')).toBe(
      'component:default/batch',
    );
    expect(snapshot.entityForServiceName('orders')).toBe(
      'component:default/orders',
    );
    // Anything owned is found by name, an API too (the dependency graph keeps what runs).
    expect(snapshot.entityForServiceName('orders-api')).toBe(
      'api:default/orders-api',
    );
    expect(snapshot.placeObservedRef('component:default/nightly-batch')).toBe(
      'component:default/batch',
    );
    expect(snapshot.placeObservedRef('component:default/unknown')).toBe(
      'component:default/unknown',
    );
  });
});
