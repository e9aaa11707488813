import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { componentEntity } from '../__testUtils__/catalogEntities';
import { changingCatalog } from '../__testUtils__/changingCatalog';
import { CATALOG_INDEX_TASK, createCatalogIndex } from './createCatalogIndex';

describe('the catalog index task', () => {
  beforeEach(() =>
    jest.useFakeTimers({ now: new Date('2026-11-22T10:00:00Z') }),
  );
  afterEach(() => jest.useRealTimers());

  function start(entities: Entity[]) {
    const catalog = changingCatalog(catalogServiceMock({ entities }));
    const scheduler = mockServices.scheduler.mock();
    const { tasks, catalogIndex } = createCatalogIndex({
      config: mockServices.rootConfig(),
      catalog: catalog.service,
      auth: mockServices.auth(),
      scheduler,
      logger: mockServices.logger.mock(),
    });
    const [task] = tasks;
    return {
      catalogIndex,
      run: () => task.fn(new AbortController().signal),
      setCatalog: (list: Entity[]) =>
        catalog.swap(catalogServiceMock({ entities: list })),
      /** How often the task asked to run again, after the timers due by now. */
      rerunsAsked: () => {
        jest.runOnlyPendingTimers();
        return scheduler.triggerTask.mock.calls.filter(
          ([id]) => id === CATALOG_INDEX_TASK,
        ).length;
      },
    };
  }

  it('reads a catalog that is still loading again five seconds later, until its count settles', async () => {
    const { run, setCatalog, rerunsAsked, catalogIndex } = start([]);

    await run(); // empty: the catalog has not loaded yet
    expect(rerunsAsked()).toBe(1);

    setCatalog([componentEntity('orders-service')]);
    await run(); // half loaded
    expect(rerunsAsked()).toBe(2);

    await run(); // the same: settled
    expect(rerunsAsked()).toBe(2);
    expect((await catalogIndex.current()).size).toBe(1);
  });

  it('leaves later changes to the refresh schedule once the backend has been up a minute', async () => {
    const { run, setCatalog, rerunsAsked } = start([
      componentEntity('orders-service'),
    ]);
    await run();
    await run();
    expect(rerunsAsked()).toBe(1);

    jest.setSystemTime(new Date('2026-11-22T10:01:00Z'));
    setCatalog([]);
    await run();
    expect(rerunsAsked()).toBe(1);
  });
});
