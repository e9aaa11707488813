import {
  createBackendModule,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { dependencyObserversExtensionPoint } from '@reliability-suite/backstage-plugin-reliability-node';
import { componentEntity } from './__testUtils__/catalogEntities';
import { changingCatalog } from './__testUtils__/changingCatalog';
import { reliabilityPlugin } from './plugin';
import { inlineSlo } from './slo/__testUtils__/inlineSlo';

const observerModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'test-observer',
  register(env) {
    env.registerInit({
      deps: { observers: dependencyObserversExtensionPoint },
      async init({ observers }) {
        observers.addDependencyObserver({
          id: 'service-graph',
          frequency: { minutes: 5 },
          detail: 'a service graph',
          observe: async () => [],
        });
      },
    });
  },
});

/** The plugin with a scheduler that runs nothing by itself, and a catalog a test can change. */
async function startBackend(entities: Entity[]) {
  const catalog = changingCatalog(catalogServiceMock({ entities }));
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const scheduler = mockServices.scheduler.mock({
    async scheduleTask(task) {
      tasks.push(task);
    },
  });
  await startTestBackend({
    features: [
      reliabilityPlugin,
      observerModule,
      scheduler.factory,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog.service,
      }),
    ],
  });
  const run = (id: string) =>
    tasks.find(task => task.id === id)!.fn(new AbortController().signal);
  return {
    tasks,
    // What the first snapshots start; the index's own follow-up reads are tested on their own.
    triggered: () =>
      scheduler.triggerTask.mock.calls
        .map(([id]: [string]) => id)
        .filter(id => id !== 'reliability-catalog-index'),
    run,
    setCatalog: (list: Entity[]) =>
      catalog.swap(catalogServiceMock({ entities: list })),
  };
}

describe('work that follows a new catalog snapshot', () => {
  const entities = [
    componentEntity('orders-service'),
    inlineSlo({ name: 'orders-availability', type: 'Prometheus' }),
  ];

  it('schedules the catalog index last, so its first snapshot finds the others scheduled', async () => {
    const { tasks } = await startBackend(entities);
    expect(tasks.map(task => task.id)).toEqual([
      'reliability-slo-evaluation',
      'reliability-dependency-graph',
      'reliability-dependency-observer-service-graph',
      'reliability-catalog-index',
    ]);
  });

  it('evaluates SLOs and reads the observers as soon as the first snapshot has them', async () => {
    const { run, triggered, setCatalog } = await startBackend(entities);

    await run('reliability-catalog-index');
    expect(triggered()).toEqual([
      'reliability-slo-evaluation',
      'reliability-dependency-observer-service-graph',
    ]);

    // Nothing new: nothing to start.
    await run('reliability-slo-evaluation');
    await run('reliability-catalog-index');
    expect(triggered()).toHaveLength(2);

    // A new SLO is evaluated at once; the observers wait for their own time.
    setCatalog([
      ...entities,
      inlineSlo({ name: 'orders-latency', type: 'Prometheus' }),
    ]);
    await run('reliability-catalog-index');
    expect(triggered()).toEqual([
      'reliability-slo-evaluation',
      'reliability-dependency-observer-service-graph',
      'reliability-slo-evaluation',
    ]);
  });
});
