import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  SliMeasurementRequest,
  SliQueryError,
  SliSource,
  SliSourceUnavailableError,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { inlineSlo } from './__testUtils__/inlineSlo';
import { SloEvaluator } from './SloEvaluator';
import { MemorySnapshotStore } from './__testUtils__/MemorySnapshotStore';

/** A source whose every window counts `good` of `total` events, or fails as told. */
function countingSource(
  type: string,
  answer: { good: number; total: number } | Error,
): SliSource & { requests: SliMeasurementRequest[] } {
  const requests: SliMeasurementRequest[] = [];
  return {
    type,
    requests,
    async measure(request) {
      requests.push(request);
      if (answer instanceof Error) throw answer;
      return {
        windows: Object.fromEntries(
          Object.keys(request.windows).map(window => [window, answer]),
        ),
        timeslices: [],
        requests: 1,
      };
    },
    async measureRange() {
      throw new Error('not used');
    },
  };
}

function evaluator(
  entities: Entity[],
  sources: SliSource[],
  store = new MemorySnapshotStore(),
) {
  const catalog = catalogServiceMock({ entities });
  const evaluate = new SloEvaluator({
    catalogIndex: new CatalogIndex({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    }),
    store,
    sources,
    logger: mockServices.logger.mock(),
    warningThreshold: 0.25,
    concurrency: 2,
    retentionMs: 7 * 86_400_000,
  });
  return { evaluate, store };
}

describe('SloEvaluator', () => {
  it('measures every SLO with the source of its type and stores one snapshot per objective', async () => {
    const synthetic = countingSource('Synthetic', { good: 995, total: 1000 });
    const { evaluate, store } = evaluator(
      [
        inlineSlo({
          name: 'orders-availability',
          type: 'Synthetic',
          target: 0.99,
        }),
      ],
      [countingSource('Prometheus', new Error('not this one')), synthetic],
    );

    const cycle = await evaluate.evaluateAll();

    expect(cycle).toMatchObject({ slos: 1, requests: 1 });
    expect(synthetic.requests).toHaveLength(1);
    // Every burn-rate window and the SLO's own 28 days, in one measurement.
    expect(synthetic.requests[0].windows).toMatchObject({
      '5m': 300,
      '1h': 3600,
      slo: 28 * 86_400,
    });
    expect(store.rows).toEqual([
      expect.objectContaining({
        sloRef: 'slo:default/orders-availability',
        objectiveIndex: 0,
        state: 'ok',
        sli: 0.995,
      }),
    ]);
    // 0.5% errors against a 1% budget: half of it left, burning at half the sustainable rate.
    expect(store.rows[0].details.errorBudget.remaining).toBeCloseTo(0.5, 10);
    expect(store.rows[0].details.burnRates['1h']).toBeCloseTo(0.5, 10);
  });

  it('puts an SLO whose type no installed source handles in error, naming the type', async () => {
    const { evaluate, store } = evaluator(
      [
        inlineSlo({ name: 'orders-latency', type: 'Datadog' }),
        inlineSlo({ name: 'orders-availability', type: 'Prometheus' }),
      ],
      [],
    );
    await evaluate.evaluateAll();
    const errors = Object.fromEntries(
      store.rows.map(row => [row.sloRef, [row.state, row.details.error]]),
    );
    expect(errors).toEqual({
      'slo:default/orders-latency': [
        'error',
        'No SLI source for metricSource.type Datadog is installed: add a backend module that provides one through sliSourcesExtensionPoint (@reliability-suite/backstage-plugin-reliability-node)',
      ],
      'slo:default/orders-availability': [
        'error',
        expect.stringContaining(
          'set reliability.prometheus.baseUrl in app-config.yaml, with the Prometheus module (@reliability-suite/backstage-plugin-reliability-backend-module-prometheus) installed',
        ),
      ],
    });
  });

  it('puts an SLO the source rejects in error with its message', async () => {
    const { evaluate, store } = evaluator(
      [inlineSlo({ name: 'orders-availability', type: 'Synthetic' })],
      [countingSource('Synthetic', new SliQueryError('parse error at char 4'))],
    );
    await evaluate.evaluateAll();
    expect(store.rows[0]).toMatchObject({
      state: 'error',
      details: { error: 'parse error at char 4', stale: false },
    });
  });

  it('keeps the last values, marked stale, while the source is unreachable', async () => {
    const entities = [
      inlineSlo({ name: 'orders-availability', type: 'Synthetic' }),
    ];
    const up = evaluator(entities, [
      countingSource('Synthetic', { good: 999, total: 1000 }),
    ]);
    await up.evaluate.evaluateAll();
    const measured = up.store.rows[0];

    const down = evaluator(
      entities,
      [
        countingSource(
          'Synthetic',
          new SliSourceUnavailableError('connection refused'),
        ),
      ],
      up.store,
    );
    await down.evaluate.evaluateAll();
    await down.evaluate.evaluateAll();

    // One stale copy of the last measurement: its values and time, a new flag and reason.
    expect(up.store.rows).toEqual([
      measured,
      {
        ...measured,
        details: {
          ...measured.details,
          stale: true,
          error: 'connection refused',
        },
      },
    ]);
  });

  it('says an SLO was never measured when its source is unreachable from the start', async () => {
    const { evaluate, store } = evaluator(
      [inlineSlo({ name: 'orders-availability', type: 'Synthetic' })],
      [
        countingSource(
          'Synthetic',
          new SliSourceUnavailableError('connection refused'),
        ),
      ],
    );
    await evaluate.evaluateAll();
    expect(store.rows[0]).toMatchObject({
      state: 'error',
      sli: null,
      details: {
        stale: true,
        error: 'Not evaluated yet: connection refused',
      },
    });
  });
});
