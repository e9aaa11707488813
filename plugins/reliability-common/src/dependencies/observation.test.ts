import { parseObservationBatch } from './observation';

const now = new Date('2026-12-01T12:00:00Z');
const edge = (overrides: Record<string, unknown> = {}) => ({
  source: 'component:default/orders-service',
  target: 'resource:default/orders-db',
  evidence: 'traffic',
  ...overrides,
});

describe('parseObservationBatch', () => {
  it('reads a batch, refs in full and the time now unless given', () => {
    expect(
      parseObservationBatch(
        { edges: [edge({ source: 'component:orders-service' })] },
        now,
      ),
    ).toEqual({
      edges: [
        {
          source: 'component:default/orders-service',
          target: 'resource:default/orders-db',
          evidence: 'traffic',
          detail: '',
          observedAt: now,
        },
      ],
    });
  });

  it.each([
    [
      edge({ target: 'component:default/orders-service' }),
      'edges[0].target: component:default/orders-service is its own source',
    ],
    [
      edge({ source: `component:default/${'x'.repeat(10_000)}` }),
      'edges[0].source:',
    ],
    [
      edge({ source: `component:default/${'x'.repeat(64)}` }),
      'at most 63 characters',
    ],
    [edge({ observedAt: '2999-01-01T00:00:00Z' }), 'edges[0].observedAt:'],
    [edge({ observedAt: '1970-01-01T00:00:00Z' }), 'edges[0].observedAt:'],
    [edge({ observedAt: '2026-12-01T12:10:00Z' }), 'is in the future'],
    [edge({ evidence: 'rumour' }), 'edges[0].evidence:'],
  ])('refuses a bad edge (%#)', (bad, message) => {
    const parsed = parseObservationBatch({ edges: [bad] }, now);
    expect(parsed.error).toContain(message);
  });

  it('allows a clock a few minutes ahead', () => {
    const parsed = parseObservationBatch(
      { edges: [edge({ observedAt: '2026-12-01T12:04:00Z' })] },
      now,
    );
    expect(parsed.error).toBeUndefined();
  });
});
