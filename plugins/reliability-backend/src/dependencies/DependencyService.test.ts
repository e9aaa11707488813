import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

import { createTestDependencyService } from './__testUtils__/createTestDependencyService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
});

/** A service whose graph rebuilds wait, once they have read the store, until `release`. */
async function setup() {
  const catalog = catalogServiceMock({
    entities: [component('web'), component('api')],
  });
  let release = () => {};
  let gate: Promise<void> | undefined;
  let entered = () => {};
  const rebuildWaiting = new Promise<void>(done => {
    entered = done;
  });
  const { service, observations } = await createTestDependencyService({
    catalog,
    knex: await databases.init('SQLITE_3'),
  });
  const listObservations = observations.listObservations.bind(observations);
  observations.listObservations = async options => {
    const rows = await listObservations(options);
    // The rebuild's full read (a re-read of what arrived meanwhile passes `since`).
    if (!options?.since && gate) {
      entered();
      await gate;
    }
    return rows;
  };
  const holdRebuilds = () => {
    gate = new Promise(done => {
      release = done;
    });
  };
  return { service, holdRebuilds, rebuildWaiting, release: () => release() };
}

const webCallsApi = {
  source: 'component:default/web',
  target: 'component:default/api',
  evidence: 'traffic' as const,
  detail: 'grpc',
  observedAt: new Date(),
};

describe('DependencyService', () => {
  it('keeps a batch recorded while the graph was being rebuilt', async () => {
    const { service, holdRebuilds, rebuildWaiting, release } = await setup();
    await service.refresh();

    holdRebuilds();
    const rebuilding = service.refresh();
    await rebuildWaiting; // it has read the store already
    await service.record([webCallsApi]);
    release();
    await rebuilding;

    const impact = await service.getImpact(
      {
        root: 'component:default/api',
        direction: 'downstream',
        maxDepth: 5,
        include: { declared: true, observed: true },
      },
      mockCredentials.user(),
    );
    expect(impact.impacted.map(i => [i.entityRef, i.via])).toEqual([
      ['component:default/web', 'hidden'],
    ]);
    const dependencies = await service.getDependencies(
      'component:default/web',
      mockCredentials.user(),
    );
    // Counted once: the rebuild took the stored row, not the row and the batch.
    expect(dependencies.hidden.map(e => e.evidence)).toEqual([
      [expect.objectContaining({ kind: 'traffic', detail: 'grpc', count: 1 })],
    ]);
  });

  it('shows a batch at once when no rebuild is running', async () => {
    const { service } = await setup();
    await service.refresh();
    await service.record([webCallsApi, webCallsApi]);
    const dependencies = await service.getDependencies(
      'component:default/api',
      mockCredentials.user(),
    );
    expect(dependencies.hidden).toEqual([
      expect.objectContaining({
        source: 'component:default/web',
        direction: 'downstream',
        evidence: [expect.objectContaining({ count: 2 })],
      }),
    ]);
  });

  it('answers a repeated impact question with what a batch recorded since', async () => {
    const { service } = await setup();
    await service.refresh();
    const impactOfApi = () =>
      service.getImpact(
        {
          root: 'component:default/api',
          direction: 'downstream',
          maxDepth: 5,
          include: { declared: true, observed: true },
        },
        mockCredentials.user(),
      );
    expect((await impactOfApi()).impacted).toEqual([]);
    await service.record([webCallsApi]);
    const impact = await impactOfApi();
    expect(impact.impacted.map(i => [i.entityRef, i.via])).toEqual([
      ['component:default/web', 'hidden'],
    ]);
    expect(impact.summary).toMatchObject({ entities: 1, hidden: 1 });
  });
});
