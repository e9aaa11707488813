import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';

/** An OpenSLO SLO entity for `service`, related to it as the catalog module would. */
export function sloEntity(options: {
  name: string;
  service: string;
  indicator: { good?: string; bad?: string; total: string };
  target: number;
  timeWindow: JsonObject;
  budgetingMethod?: 'Occurrences' | 'Timeslices';
  objective?: JsonObject;
}): Entity {
  const metric = (query: string) => ({
    metricSource: { type: 'Prometheus', spec: { query } },
  });
  const { good, bad, total } = options.indicator;
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: options.name,
      namespace: 'default',
      title: `${options.name} SLO`,
    },
    spec: {
      service: options.service,
      indicator: {
        metadata: { name: `${options.name}-sli` },
        spec: {
          ratioMetric: {
            ...(good ? { good: metric(good) } : { bad: metric(bad!) }),
            total: metric(total),
          },
        },
      },
      timeWindow: [options.timeWindow],
      budgetingMethod: options.budgetingMethod ?? 'Occurrences',
      objectives: [{ target: options.target, ...options.objective }],
    },
    relations: [
      { type: 'sloOf', targetRef: `component:default/${options.service}` },
    ],
  };
}

export function componentEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team',
    },
  };
}
