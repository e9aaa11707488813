import { validateSli } from './validateSli';

describe('validateSli', () => {
  it('accepts a ratio metric', () => {
    expect(validateSli({ ratioMetric: { good: {}, total: {} } })).toEqual([]);
  });

  it('accepts a threshold metric', () => {
    expect(validateSli({ thresholdMetric: { metricSource: {} } })).toEqual([]);
  });

  it.each([
    ['neither metric', {}],
    ['both metrics', { ratioMetric: {}, thresholdMetric: {} }],
  ])('rejects %s', (_case, spec) => {
    expect(validateSli(spec)).toEqual([
      'an SLI needs exactly one of spec.ratioMetric and spec.thresholdMetric',
    ]);
  });

  it('rejects a ratio metric that is not an object', () => {
    expect(validateSli({ ratioMetric: 'good/total' })).toEqual([
      'spec.ratioMetric must be an object',
    ]);
  });
});
