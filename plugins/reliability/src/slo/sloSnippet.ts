import { Entity } from '@backstage/catalog-model';

/** An OpenSLO document the owner can paste next to catalog-info.yaml to start. */
export function sloSnippet(entity: Entity): string {
  const name = entity.metadata.name;
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}-availability
  displayName: ${name} availability
spec:
  service: ${name}
  indicator:
    metadata:
      name: ${name}-requests
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="${name}",code!~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="${name}"}
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Requests succeed
      target: 0.999
`;
}
