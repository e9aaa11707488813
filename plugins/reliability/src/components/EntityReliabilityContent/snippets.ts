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

/** A minimal escalation policy for the entity's owner. */
export function escalationPolicySnippet(entity: Entity): string {
  const owner =
    typeof entity.spec?.owner === 'string'
      ? entity.spec.owner
      : 'group:default/your-team';
  return `apiVersion: reliability.io/v1alpha1
kind: EscalationPolicy
metadata:
  name: ${entity.metadata.name}-escalation
spec:
  owner: ${owner}
  rotations:
    - name: primary
      timeZone: Europe/Berlin
      length: P1W
      handoff: "10:00"
      startDate: 2026-01-05
      members: [user:default/alice, user:default/bob]
  levels:
    - { delayMinutes: 0, targets: [rotation:primary] }
    - { delayMinutes: 15, targets: [${owner}] }
`;
}
