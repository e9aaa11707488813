import { validateSlo } from './validateSlo';

const valid = {
  service: 'orders-service',
  indicator: {
    metadata: { name: 'orders-availability' },
    spec: {
      ratioMetric: {
        good: {
          metricSource: { type: 'Prometheus', spec: { query: 'good' } },
        },
        total: {
          metricSource: { type: 'Prometheus', spec: { query: 'total' } },
        },
      },
    },
  },
  timeWindow: [{ duration: '28d', isRolling: true }],
  budgetingMethod: 'Occurrences',
  objectives: [{ displayName: 'Available', target: 0.999 }],
};

describe('validateSlo', () => {
  it('accepts a well-formed SLO', () => {
    expect(validateSlo(valid)).toEqual([]);
  });

  it('accepts an indicatorRef and a targetPercent', () => {
    const { indicator, ...rest } = valid;
    expect(
      validateSlo({
        ...rest,
        indicatorRef: 'orders-availability',
        objectives: [{ targetPercent: 99.5 }],
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'a target of 1.5',
      { ...valid, objectives: [{ target: 1.5 }] },
      'spec.objectives[0].target must be a number from 0 up to but excluding 1 (0.999 means 99.9%), got 1.5',
    ],
    [
      'a target of exactly 1 (no error budget at all)',
      { ...valid, objectives: [{ target: 1 }] },
      'spec.objectives[0].target must be a number from 0 up to but excluding 1 (0.999 means 99.9%), got 1',
    ],
    [
      'a target written as text',
      { ...valid, objectives: [{ target: '0.99' }] },
      'spec.objectives[0].target must be a number from 0 up to but excluding 1 (0.999 means 99.9%), got "0.99"',
    ],
    [
      'a targetPercent of 100',
      { ...valid, objectives: [{ targetPercent: 100 }] },
      'spec.objectives[0].targetPercent must be a number from 0 up to but excluding 100, got 100',
    ],
    [
      'an objective without a target',
      { ...valid, objectives: [{ displayName: 'x' }] },
      'spec.objectives[0] needs a target (e.g. 0.999) or a targetPercent',
    ],
    [
      'no objectives',
      { ...valid, objectives: [] },
      'spec.objectives must list at least one objective',
    ],
    [
      'no indicator',
      { ...valid, indicator: undefined },
      'the SLO has no indicator: set spec.indicator (an inline SLI) or spec.indicatorRef (the name of an SLI)',
    ],
    [
      'no service',
      { ...valid, service: '' },
      'spec.service must name the catalog entity the SLO is for, e.g. "orders-service"',
    ],
    [
      'an unknown budgeting method',
      { ...valid, budgetingMethod: 'Events' },
      'spec.budgetingMethod "Events" is not supported: use one of Occurrences, Timeslices',
    ],
    [
      'a time window without a duration',
      { ...valid, timeWindow: [{ isRolling: true }] },
      'spec.timeWindow[0].duration is required, e.g. "28d"',
    ],
    [
      'two time windows',
      { ...valid, timeWindow: [{ duration: '7d' }, { duration: '28d' }] },
      'spec.timeWindow must be a list with exactly one window',
    ],
  ])('rejects %s', (_case, spec, message) => {
    expect(validateSlo(spec)).toEqual([message]);
  });

  it('reports every problem of a definition at once', () => {
    expect(
      validateSlo({
        ...valid,
        indicator: undefined,
        objectives: [{ target: 1.5 }],
      }),
    ).toHaveLength(2);
  });

  it('rejects a spec that is not an object', () => {
    expect(validateSlo('orders')).toEqual(['spec must be an object']);
  });
});
