import { changeRiskNotice } from './changeRiskNotice';
import { ChangeRiskReport } from './overview';

const report: ChangeRiskReport = {
  entityRef: 'resource:default/orders-db',
  risk: 'high',
  reasons: ['Incident 12 (SEV2) is open on Orders service.'],
  releaseGate: 'ok',
  impacted: {
    entities: 3,
    owners: [],
    byDepth: {},
    frozen: 0,
    hidden: 0,
    truncated: false,
  },
  hiddenDependents: ['component:default/reports'],
  notify: [
    {
      owner: 'group:default/commerce',
      ownerTitle: 'Commerce',
      onCall: [{ userRef: 'user:default/dave', displayName: 'Dave Tanaka' }],
      channel: '#commerce-oncall',
    },
    {
      owner: 'group:default/data',
      ownerTitle: 'Data',
      onCall: [],
      channel: null,
    },
  ],
  frozen: [],
  openIncidents: [12],
  staleRunbooks: [],
  counts: {
    hiddenDependents: 1,
    frozen: 0,
    openIncidents: 1,
    staleRunbooks: 0,
    notify: 2,
  },
};

describe('changeRiskNotice', () => {
  it('says the verdict, why, whom it reaches and what is fragile, in Markdown', () => {
    expect(
      changeRiskNotice(report, {
        title: 'Orders DB',
        change: 'Upgrading PostgreSQL 15 to 16 on Thursday.',
      }),
    ).toBe(
      [
        '## Planned change to Orders DB',
        '',
        'Upgrading PostgreSQL 15 to 16 on Thursday.',
        '',
        '**Change risk: High** (release gate: OK)',
        '',
        '- Incident 12 (SEV2) is open on Orders service.',
        '',
        'It reaches 3 entities downstream. Owners to tell:',
        '',
        '- Commerce (`group:default/commerce`): on call Dave Tanaka, #commerce-oncall',
        '- Data (`group:default/data`): nobody on call',
        '',
        '### Depend on it without declaring it',
        '',
        '- `component:default/reports`',
        '',
        '### Open incidents',
        '',
        '- Incident 12',
        '',
      ].join('\n'),
    );
  });

  it('says how many more a cut list held', () => {
    const notice = changeRiskNotice({
      ...report,
      counts: { ...report.counts, hiddenDependents: 140 },
    });
    expect(notice).toContain('- `component:default/reports`\n- … and 139 more');
  });
});
