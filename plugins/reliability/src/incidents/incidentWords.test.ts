import { Incident } from '@reliability-suite/backstage-plugin-reliability-common';
import {
  durationText,
  firstNotice,
  incidentDuration,
  postmortemState,
} from './incidentWords';

const incident: Incident = {
  id: 7,
  title: 'Failover test blocked the shared test database',
  severity: 'SEV2',
  status: 'investigating',
  cause: 'test',
  startedAt: '2026-11-20T10:00:00.000Z',
  detectedAt: null,
  declaredAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  mitigation: null,
  commander: null,
  summary: null,
  impact: null,
  channel: '#inc-settlement',
  entities: [],
  externalRefs: [],
  version: 1,
  createdBy: 'user:default/alice',
  createdAt: '2026-11-20T10:05:00.000Z',
  updatedAt: '2026-11-20T10:05:00.000Z',
  postmortem: null,
};

describe('durationText', () => {
  it.each([
    [0, '0 min'],
    [45.4, '45 min'],
    [60, '1 h'],
    [125, '2 h 5 min'],
    [24 * 60, '1 d'],
    [3 * 24 * 60 + 4 * 60 + 59, '3 d 4 h'],
  ])('%p minutes → %p', (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });
});

describe('incidentDuration', () => {
  it('runs to the resolution, or says it is ongoing', () => {
    const now = new Date('2026-11-20T11:30:00Z');
    expect(incidentDuration(incident, now)).toBe('1 h 30 min, ongoing');
    expect(
      incidentDuration(
        { ...incident, resolvedAt: '2026-11-20T10:20:00.000Z' },
        now,
      ),
    ).toBe('20 min');
  });
});

describe('postmortemState', () => {
  it.each([
    [{ status: 'resolved', severity: 'SEV1' }, 'to write'],
    [{ status: 'resolved', severity: 'SEV2' }, 'to write'],
    [{ status: 'investigating', severity: 'SEV1' }, 'not required'],
    [{ status: 'resolved', severity: 'SEV3' }, 'not required'],
    [
      {
        status: 'resolved',
        severity: 'SEV1',
        postmortem: { version: 1, updatedAt: '2026-11-21T00:00:00Z' },
      },
      'written',
    ],
  ] as const)('%p → %s', (change, state) => {
    expect(postmortemState({ ...incident, ...change } as Incident)).toBe(state);
  });
});

describe('firstNotice', () => {
  it('says what, since when, what is affected and whose, the channel and the severity', () => {
    expect(
      firstNotice(
        incident,
        {
          root: { title: 'Shared test database', owner: 'SRE', onCall: null },
          affected: [
            {
              title: 'Settlement batch',
              owner: 'Payments',
              onCall: ['Bob Okafor'],
            },
            { title: 'Ledger service', owner: 'Payments', onCall: [] },
          ],
        },
        'https://backstage.example.com/incidents/7',
      ),
    ).toBe(
      [
        'SEV2 incident: Failover test blocked the shared test database',
        'Since: Fri 20 Nov, 10:00 (investigating)',
        'Root cause: Shared test database (SRE): on call not known',
        'Affected: 2 entities, owned by Payments',
        '- Settlement batch (Payments): on call Bob Okafor',
        '- Ledger service (Payments): on call nobody',
        'Response channel: #inc-settlement',
        'Incident 7: https://backstage.example.com/incidents/7',
      ].join('\n'),
    );
  });

  it('says when nothing is known yet', () => {
    expect(
      firstNotice({ ...incident, channel: null }, { affected: [] }),
    ).toContain('Affected: not known yet\nResponse channel: none given yet');
  });
});
