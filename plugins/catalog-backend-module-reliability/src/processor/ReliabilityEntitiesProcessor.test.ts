import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { ReliabilityEntitiesProcessor } from './ReliabilityEntitiesProcessor';

const processor = new ReliabilityEntitiesProcessor();

function prometheus(query: string) {
  return { metricSource: { type: 'Prometheus', spec: { query } } };
}

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
      entity('openslo/v1', 'SLI', {
        ratioMetric: {
          good: prometheus('http_requests_total{code!~"5.."}'),
          total: prometheus('http_requests_total'),
        },
      }),
    ],
    [
      // Measured by whichever installed module handles the type; the catalog only checks shape.
      'an OpenSLO SLI from a source other than Prometheus',
      entity('openslo/v1', 'SLI', {
        ratioMetric: {
          good: {
            metricSource: {
              type: 'CloudWatch',
              spec: { namespace: 'AWS/ApplicationELB', metricName: 'Good' },
            },
          },
          total: {
            metricSource: {
              type: 'CloudWatch',
              spec: { namespace: 'AWS/ApplicationELB', metricName: 'All' },
            },
          },
        },
      }),
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

  it.each([
    [
      'a threshold SLI',
      'SLI',
      { thresholdMetric: prometheus('latency') },
      'spec.thresholdMetric is not supported: express the SLI as a ratioMetric of good (or bad) and total events',
    ],
    [
      'an SLI with both good and bad',
      'SLI',
      {
        ratioMetric: {
          good: prometheus('a'),
          bad: prometheus('b'),
          total: prometheus('c'),
        },
      },
      'spec.ratioMetric needs exactly one of good and bad, beside total',
    ],
    [
      'an SLI counting good and total events in two sources',
      'SLI',
      {
        ratioMetric: {
          good: { metricSource: { type: 'Datadog', spec: { query: 'a' } } },
          total: prometheus('c'),
        },
      },
      'spec.ratioMetric: good and total must come from the same metricSource.type (Datadog and Prometheus)',
    ],
    [
      'an SLI whose source is not named',
      'SLI',
      {
        ratioMetric: {
          good: { metricSource: { spec: { query: 'a' } } },
          total: prometheus('c'),
        },
      },
      'spec.ratioMetric.good.metricSource.type must name the SLI source, e.g. Prometheus',
    ],
    [
      'an SLI without a query',
      'SLI',
      {
        ratioMetric: {
          good: { metricSource: { type: 'Prometheus', spec: {} } },
          total: prometheus('c'),
        },
      },
      'spec.ratioMetric.good.metricSource.spec.query must be a PromQL query',
    ],
    [
      'an SLO with an unsupported budgeting method',
      'SLO',
      { ...slo, budgetingMethod: 'RatioTimeslices' },
      'spec.budgetingMethod "RatioTimeslices" is not supported: use one of Occurrences, Timeslices',
    ],
    [
      'an SLO with a malformed duration',
      'SLO',
      { ...slo, timeWindow: [{ duration: 'four weeks', isRolling: true }] },
      'spec.timeWindow[0].duration "four weeks" is not a duration such as 7d, 28d, 30d, 1w, 1M or 1Q',
    ],
    [
      'a rolling window of a month',
      'SLO',
      { ...slo, timeWindow: [{ duration: '1M', isRolling: true }] },
      'has no fixed length',
    ],
    [
      'a calendar window without a calendar',
      'SLO',
      { ...slo, timeWindow: [{ duration: '1M', isRolling: false }] },
      'spec.timeWindow[0].calendar is required when isRolling is false: { startTime, timeZone }',
    ],
    [
      'a calendar window in an unknown time zone',
      'SLO',
      {
        ...slo,
        timeWindow: [
          {
            duration: '1M',
            isRolling: false,
            calendar: {
              startTime: '2026-01-01 00:00:00',
              timeZone: 'Mars/Olympus',
            },
          },
        ],
      },
      'spec.timeWindow[0].calendar.timeZone "Mars/Olympus" is not an IANA time zone such as Europe/Berlin',
    ],
    [
      'Timeslices without a slice target',
      'SLO',
      {
        ...slo,
        budgetingMethod: 'Timeslices',
        objectives: [{ target: 0.99, timeSliceWindow: '1m' }],
      },
      'spec.objectives[0].timeSliceTarget is required with Timeslices',
    ],
    [
      'Timeslices without a slice window',
      'SLO',
      {
        ...slo,
        budgetingMethod: 'Timeslices',
        objectives: [{ target: 0.99, timeSliceTarget: 0.95 }],
      },
      'spec.objectives[0].timeSliceWindow is required with Timeslices',
    ],
    [
      'an inline indicator without a spec',
      'SLO',
      {
        ...slo,
        indicatorRef: undefined,
        indicator: { metadata: { name: 'x' } },
      },
      'spec.indicator must be an inline SLI with its own spec',
    ],
  ])('rejects %s', async (_case, kind, spec, message) => {
    await expect(
      processor.validateEntityKind(entity('openslo/v1', kind, spec)),
    ).rejects.toThrow(message);
  });

  it.each([
    ['a bare name', 'orders-service', 'component:team-a/orders-service'],
    [
      'a full entity ref',
      'resource:default/orders-db',
      'resource:default/orders-db',
    ],
  ])(
    'relates an SLO naming %s to that entity, both ways',
    async (_case, service, target) => {
      const emit = jest.fn();
      const sloEntity: Entity = {
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: { name: 'orders-availability', namespace: 'team-a' },
        spec: { ...slo, service },
      };
      await processor.postProcessEntity(
        sloEntity,
        { type: 'file', target: 'slos.yaml' },
        emit,
      );
      const relations = emit.mock.calls.map(([result]) => result.relation);
      const sloRef = {
        kind: 'SLO',
        namespace: 'team-a',
        name: 'orders-availability',
      };
      const targetRef = parseEntityRef(target);
      expect(relations).toEqual([
        { source: sloRef, type: 'sloOf', target: targetRef },
        { source: targetRef, type: 'hasSlo', target: sloRef },
      ]);
    },
  );

  it('normalizes list-valued OpenSLO labels into Backstage label strings', async () => {
    const withLabels: Entity = {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'example',
        // As YAML would give them; Backstage's own type only knows strings.
        labels: {
          tier: ['critical', 'customer facing'],
          team: 'orders',
          cost: 3,
        } as unknown as Record<string, string>,
      },
      spec: slo,
    };
    const processed = await processor.preProcessEntity(withLabels);
    expect(processed.metadata.labels).toEqual({
      tier: 'critical_customer-facing',
      team: 'orders',
      cost: '3',
    });
  });

  it('relates an EscalationPolicy to its owning group, both ways', async () => {
    const emit = jest.fn();
    await processor.postProcessEntity(
      {
        apiVersion: 'reliability.io/v1alpha1',
        kind: 'EscalationPolicy',
        metadata: { name: 'payments-oncall', namespace: 'default' },
        spec: { owner: 'payments', levels: [] },
      },
      { type: 'file', target: 'escalation.yaml' },
      emit,
    );
    const policyRef = {
      kind: 'EscalationPolicy',
      namespace: 'default',
      name: 'payments-oncall',
    };
    const groupRef = { kind: 'group', namespace: 'default', name: 'payments' };
    expect(emit.mock.calls.map(([result]) => result.relation)).toEqual([
      { source: policyRef, type: 'ownedBy', target: groupRef },
      { source: groupRef, type: 'ownerOf', target: policyRef },
    ]);
  });

  const rotation = {
    name: 'primary',
    timeZone: 'Asia/Seoul',
    length: 'P1W',
    handoff: '10:00',
    startDate: '2026-01-05',
    members: ['user:default/alice'],
  };
  it.each([
    [
      'a level naming an unknown rotation',
      { rotations: [rotation], levels: [{ targets: ['rotation:secondary'] }] },
      'spec.levels[0].targets[0] names the rotation "secondary", which this policy does not define',
    ],
    [
      'an override of an unknown rotation',
      {
        rotations: [rotation],
        overrides: [
          {
            rotation: 'nights',
            user: 'bob',
            from: '2026-11-01T00:00:00Z',
            until: '2026-11-02T00:00:00Z',
          },
        ],
        levels: [{ targets: ['rotation:primary'] }],
      },
      'spec.overrides[0].rotation "nights" is not a rotation of this policy',
    ],
    [
      'an invalid time zone',
      {
        rotations: [{ ...rotation, timeZone: 'Seoul' }],
        levels: [{ targets: ['rotation:primary'] }],
      },
      'spec.rotations[0].timeZone "Seoul" is not an IANA time zone such as Asia/Seoul',
    ],
    [
      'a bad duration',
      {
        rotations: [{ ...rotation, length: 'weekly' }],
        levels: [{ targets: ['rotation:primary'] }],
      },
      'spec.rotations[0].length "weekly" is not an ISO-8601 duration such as P1D, P1W or P2W',
    ],
    [
      'empty members',
      {
        rotations: [{ ...rotation, members: [] }],
        levels: [{ targets: ['rotation:primary'] }],
      },
      'spec.rotations[0].members must list at least one user',
    ],
  ])('rejects an EscalationPolicy with %s', async (_case, spec, message) => {
    await expect(
      processor.validateEntityKind(
        entity('reliability.io/v1alpha1', 'EscalationPolicy', {
          owner: 'group:default/payments',
          ...spec,
        }),
      ),
    ).rejects.toThrow(`Invalid EscalationPolicy "example": ${message}`);
  });
});
