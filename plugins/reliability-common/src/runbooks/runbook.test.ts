import { parseRunbookFor, runbooksOf } from './runbook';

describe('parseRunbookFor', () => {
  it('reads runbooks separated by lines or semicolons, names by commas', () => {
    expect(
      parseRunbookFor(
        'Orders DB failover: orders-availability, SloErrorBudgetBurn\nRoll back: orders-latency; Empty:',
      ),
    ).toEqual(
      new Map([
        ['orders db failover', ['orders-availability', 'SloErrorBudgetBurn']],
        ['roll back', ['orders-latency']],
      ]),
    );
  });

  it('reads nothing from an absent or malformed annotation', () => {
    expect(parseRunbookFor(undefined).size).toBe(0);
    expect(parseRunbookFor('no colon here, at all').size).toBe(0);
    expect(parseRunbookFor(': nameless').size).toBe(0);
  });
});

describe('runbooksOf', () => {
  it('keeps the runbook links, each with what the annotation says it covers', () => {
    expect(
      runbooksOf({
        metadata: {
          links: [
            {
              url: 'https://wiki/orders',
              title: 'Dashboard',
              type: 'dashboard',
            },
            {
              url: 'https://wiki/failover',
              title: 'Orders DB failover',
              type: 'runbook',
            },
            { url: 'https://wiki/rollback', type: 'runbook' },
          ],
          annotations: {
            'reliability.io/runbook-for':
              'orders db FAILOVER: orders-availability',
          },
        },
      }),
    ).toEqual([
      {
        title: 'Orders DB failover',
        url: 'https://wiki/failover',
        covers: ['orders-availability'],
      },
      {
        title: 'https://wiki/rollback',
        url: 'https://wiki/rollback',
        covers: [],
      },
    ]);
  });
});
