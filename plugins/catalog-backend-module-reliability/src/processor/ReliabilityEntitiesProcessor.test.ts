import { Entity } from '@backstage/catalog-model';
import { ReliabilityEntitiesProcessor } from './ReliabilityEntitiesProcessor';

const processor = new ReliabilityEntitiesProcessor();

function entity(apiVersion: string, kind: string, spec: object): Entity {
  return { apiVersion, kind, metadata: { name: 'example' }, spec };
}

const slo = {
  service: 'orders-service',
  indicatorRef: 'orders-availability',
  timeWindow: [{ duration: '28d', isRolling: true }],
  budgetingMethod: 'Occurrences',
  objectives: [{ target: 0.999 }],
};

describe('ReliabilityEntitiesProcessor', () => {
  it.each([
    ['an OpenSLO SLO', entity('openslo/v1', 'SLO', slo)],
    [
      'an OpenSLO SLI',
      entity('openslo/v1', 'SLI', { ratioMetric: { good: {}, total: {} } }),
    ],
    [
      'an EscalationPolicy',
      entity('reliability.io/v1alpha1', 'EscalationPolicy', {
        owner: 'group:default/payments',
        levels: [{ delayMinutes: 0, targets: ['user:default/alice'] }],
      }),
    ],
  ])('accepts %s', async (_case, e) => {
    await expect(processor.validateEntityKind(e)).resolves.toBe(true);
  });

  it.each([
    ['a Component', entity('backstage.io/v1alpha1', 'Component', {})],
    ['an SLO of another apiVersion', entity('openslo/v2alpha', 'SLO', slo)],
  ])('leaves %s to other processors', async (_case, e) => {
    await expect(processor.validateEntityKind(e)).resolves.toBe(false);
  });

  it('rejects a malformed SLO naming the entity and every problem', async () => {
    const malformed = entity('openslo/v1', 'SLO', {
      ...slo,
      indicatorRef: undefined,
      objectives: [{ target: 1.5 }],
    });
    await expect(processor.validateEntityKind(malformed)).rejects.toThrow(
      'Invalid SLO "example": the SLO has no indicator: set spec.indicator (an inline SLI) or spec.indicatorRef (the name of an SLI); spec.objectives[0].target must be a number from 0 up to but excluding 1 (0.999 means 99.9%), got 1.5',
    );
  });

  it('rejects an EscalationPolicy without levels', async () => {
    await expect(
      processor.validateEntityKind(
        entity('reliability.io/v1alpha1', 'EscalationPolicy', {
          owner: 'group:default/payments',
        }),
      ),
    ).rejects.toThrow('spec.levels must list at least one escalation level');
  });
});
