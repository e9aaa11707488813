import { Entity } from '@backstage/catalog-model';

/**
 * An OpenSLO SLO for `orders-service` with an inline ratio indicator whose good and total
 * counts both come from a metric source of `type`.
 */
export function inlineSlo(options: {
  name: string;
  type: string;
  target?: number;
  duration?: string;
}): Entity {
  const { name, type, target = 0.99, duration = '28d' } = options;
  const source = (count: string) => ({
    metricSource: { type, spec: { query: `${count}_total` } },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name, namespace: 'default' },
    spec: {
      service: 'orders-service',
      indicator: {
        metadata: { name: `${name}-sli` },
        spec: {
          ratioMetric: { good: source('good'), total: source('all') },
        },
      },
      timeWindow: [{ duration, isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target }],
    },
    relations: [
      { type: 'sloOf', targetRef: 'component:default/orders-service' },
    ],
  };
}
