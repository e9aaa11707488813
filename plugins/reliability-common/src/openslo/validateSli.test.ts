import { validateSli } from './validateSli';

const prometheus = (query: string) => ({
  metricSource: { type: 'Prometheus', spec: { query } },
});

describe('validateSli', () => {
  it.each([
    ['good and total', { good: prometheus('ok'), total: prometheus('all') }],
    ['bad and total', { bad: prometheus('failed'), total: prometheus('all') }],
  ])('accepts a ratio of %s', (_case, ratioMetric) => {
    expect(validateSli({ ratioMetric })).toEqual([]);
  });

  it.each([
    [
      'no metric',
      {},
      'spec.ratioMetric is required: good (or bad) and total event counts',
    ],
    [
      'a ratio metric that is not an object',
      { ratioMetric: 'good/total' },
      'spec.ratioMetric is required: good (or bad) and total event counts',
    ],
    [
      'a ratio without total',
      { ratioMetric: { good: prometheus('ok') } },
      'spec.ratioMetric.total.metricSource is required: { type: Prometheus, spec: { query } }',
    ],
    [
      'a ratio without good or bad',
      { ratioMetric: { total: prometheus('all') } },
      'spec.ratioMetric needs exactly one of good and bad, beside total',
    ],
  ])('rejects %s', (_case, spec, message) => {
    expect(validateSli(spec)).toEqual([message]);
  });
});
