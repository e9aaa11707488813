import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SloItem } from '@reliability-suite/backstage-plugin-reliability-common';
import {
  SliSource,
  sliSourcesExtensionPoint,
} from '@reliability-suite/backstage-plugin-reliability-node';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';
import { componentEntity } from '../__testUtils__/catalogEntities';
import { inlineSlo } from './__testUtils__/inlineSlo';

const entities: Entity[] = [
  componentEntity('orders-service'),
  inlineSlo({
    name: 'orders-synthetic',
    type: 'Synthetic',
    target: 0.9,
    duration: '30d',
  }),
  inlineSlo({ name: 'orders-datadog', type: 'Datadog' }),
];

/** A second kind of SLI source, contributed by a module as a real one would be. */
const syntheticProbes: SliSource = {
  type: 'Synthetic',
  async measure(measurement) {
    return {
      windows: Object.fromEntries(
        Object.keys(measurement.windows).map(w => [
          w,
          { good: 96, total: 100 },
        ]),
      ),
      timeslices: [],
      requests: 1,
    };
  },
  async measureRange() {
    return { t: [], good: [], total: [] };
  },
};

const syntheticModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'synthetic-probes',
  register(env) {
    env.registerInit({
      deps: { sliSources: sliSourcesExtensionPoint },
      async init({ sliSources }) {
        sliSources.addSliSource(syntheticProbes);
      },
    });
  },
});

describe('SLI sources from modules', () => {
  it('measures an SLO with the source a module registered for its metricSource.type', async () => {
    // The test backend runs every scheduled task once as it starts: one evaluation cycle.
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        syntheticModule,
        catalogServiceMock.factory({ entities }),
      ],
    });
    const res = await request(server)
      .get('/api/reliability/entities/component/default/orders-service/slos')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.items.map((item: SloItem) => [item.name, item.status]),
    );

    // 4% errors against a 10% budget: 60% of it left.
    expect(byName['orders-synthetic']).toMatchObject({
      state: 'ok',
      sli: 0.96,
      error: null,
    });
    expect(byName['orders-synthetic'].errorBudget.remaining).toBeCloseTo(0.6);
    expect(byName['orders-datadog']).toMatchObject({
      state: 'error',
      error:
        'No SLI source for metricSource.type Datadog is installed: add a backend module that provides one through sliSourcesExtensionPoint (@reliability-suite/backstage-plugin-reliability-node)',
    });
  });
});
