import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EscalationResponse,
  Incident,
  RunbookItem,
  SloItem,
  SloState,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  componentEntity,
  resourceEntity,
} from '../__testUtils__/catalogEntities';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { OverviewService } from './OverviewService';

const ORDERS = 'component:default/orders-service';
const DB = 'resource:default/orders-db';
const CONFIG = 'component:default/config-service';
const QUEUE = 'resource:default/orders-queue';

const catalog = catalogServiceMock({
  entities: [
    componentEntity('orders-service', { title: 'Orders service' }),
    resourceEntity('orders-db'),
    componentEntity('config-service', { title: 'Config service' }),
    resourceEntity('orders-queue'),
  ],
});

function slo(name: string, state: SloState, firing = false): SloItem {
  return {
    ref: `slo:default/${name}`,
    name,
    title: name,
    description: null,
    objective: 0,
    objectiveName: null,
    target: 0.999,
    timeWindow: { duration: '28d', isRolling: true, start: null, end: null },
    budgetingMethod: 'Occurrences',
    status: {
      state,
      sli: 0.99,
      errorBudget: { total: 0.001, consumed: 1.2, remaining: -0.2 },
      burnRates: {} as SloItem['status']['burnRates'],
      alerts: firing
        ? [
            {
              severity: 'page',
              longWindow: '1h',
              shortWindow: '5m',
              factor: 14.4,
              firing: true,
            } as SloItem['status']['alerts'][number],
          ]
        : [],
      evaluatedAt: '2026-12-01T11:59:00Z',
      stale: false,
      error: null,
    },
  };
}

const runbook: RunbookItem = {
  title: 'Database failover',
  url: 'https://wiki/failover',
  covers: ['orders-availability'],
  lastDrill: null,
  fresh: false,
  reason: 'Never drilled: do not rely on it yet',
};

const escalation: EscalationResponse = {
  entityRef: ORDERS,
  owner: { ref: 'group:default/commerce', title: 'Commerce', email: null },
  escalationPolicy: {
    ref: 'escalationpolicy:default/commerce',
    source: 'owner',
  },
  onCall: [
    {
      level: 1,
      userRef: 'user:default/dave',
      displayName: 'Dave Tanaka',
      email: null,
      rotation: 'primary',
      timeZone: 'Europe/Berlin',
      from: '2026-11-30T08:00:00Z',
      until: '2026-12-07T08:00:00Z',
    },
  ],
  levels: [
    { level: 1, delayMinutes: 0, targets: [] },
    {
      level: 2,
      delayMinutes: 15,
      targets: [
        {
          type: 'user',
          ref: 'user:default/erin',
          displayName: 'Erin Walsh',
          users: ['Erin Walsh'],
        },
      ],
    },
  ],
  contacts: { slack: '#commerce-oncall' },
  warnings: [],
};

function incident(id: number, entityRef: string): Incident {
  return {
    id,
    title: `Incident on ${entityRef}`,
    severity: 'SEV2',
    status: 'investigating',
    startedAt: '2026-12-01T10:00:00.000Z',
    resolvedAt: null,
    entities: [{ entityRef, role: 'affected' }],
  } as Incident;
}

type Readers = ConstructorParameters<typeof OverviewService>[0];

/** Readers that all answer, changed by `override`. */
function readers(override: Partial<Record<string, unknown>> = {}): Readers {
  const base = {
    slos: {
      hasSliSource: true,
      listEntitySlos: async () => [
        slo('orders-latency', 'ok'),
        slo('orders-availability', 'freeze', true),
      ],
      getReleaseGate: async () => {
        throw new Error('not used');
      },
      worstByEntity: async () =>
        new Map([
          [CONFIG, { state: 'warning' as const, errorBudgetRemaining: 0.1 }],
        ]),
    },
    escalation: { getEscalation: async () => escalation },
    dependencies: {
      settings: { maxDepth: 5 },
      getDependencies: async () => ({
        declared: [
          {
            source: ORDERS,
            target: CONFIG,
            direction: 'upstream',
            evidence: [],
          },
          { source: ORDERS, target: DB, direction: 'upstream', evidence: [] },
        ],
        observed: [
          {
            source: ORDERS,
            target: QUEUE,
            direction: 'upstream',
            evidence: [],
          },
        ],
        hidden: [
          {
            source: ORDERS,
            target: QUEUE,
            direction: 'upstream',
            evidence: [],
            suggestion: '',
          },
        ],
        unobserved: [],
        unknown: [],
      }),
      reachImpact: async () => ({
        root: ORDERS,
        direction: 'downstream',
        size: 0,
        entityAt: () => {
          throw new Error('not asked for');
        },
        depthAt: () => {
          throw new Error('not asked for');
        },
        hidden: new Set(),
        slo: new Map(),
        summary: {
          entities: 4,
          owners: [{ ref: 'group:default/platform', count: 3 }],
          byDepth: { '1': 4 },
          frozen: 1,
          hidden: 0,
        },
        truncated: false,
        stepAt: () => {
          throw new Error('not asked for');
        },
      }),
    },
    incidents: {
      openIncidents: async () => [incident(7, ORDERS), incident(9, DB)],
      listForEntity: async () => ({
        items: [incident(7, ORDERS)],
        cursor: null,
      }),
      metrics: async () => ({ mttm: { median: 25, mean: 30, count: 2 } }),
      openActionItems: async () => [
        {
          incidentId: 3,
          incidentTitle: 'Config rollback',
          text: 'Alert on config errors',
          category: 'detect',
          owner: 'group:default/commerce',
          dueDate: null,
          status: 'open',
          link: null,
        },
      ],
    },
    runbooks: {
      runbooksOf: async () => [
        runbook,
        {
          ...runbook,
          title: 'Restart the orders database',
          url: 'https://wiki/restart',
          lastDrill: {
            performedAt: '2026-11-20T10:00:00Z',
            outcome: 'passed',
            minutesToMitigate: 7,
          },
          fresh: true,
          reason: 'The drill on 2026-11-20 passed',
        },
      ],
    },
  };
  const merged: any = { ...base };
  for (const [path, value] of Object.entries(override)) {
    const [reader, method] = path.split('.');
    merged[reader] = { ...merged[reader], [method]: value };
  }
  return {
    ...merged,
    catalog,
    catalogIndex: new CatalogIndex({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    }),
    logger: mockServices.logger.mock(),
    now: () => new Date('2026-12-01T12:00:00Z'),
  };
}

const failing = async () => {
  throw new Error('connection refused');
};

describe('OverviewService', () => {
  it('answers every part, worst SLO first with its runbook, suspects in trouble first', async () => {
    const overview = await new OverviewService(readers()).getOverview(
      ORDERS,
      mockCredentials.user(),
    );
    expect(overview.ownership).toMatchObject({
      state: 'ok',
      owner: { title: 'Commerce' },
      onCall: [{ displayName: 'Dave Tanaka', until: '2026-12-07T08:00:00Z' }],
      escalateNext: {
        next: { level: 2, delayMinutes: 15, targets: ['Erin Walsh'] },
        skippedLevels: [],
      },
      contacts: { slack: '#commerce-oncall' },
    });
    expect(overview.slos).toMatchObject({
      state: 'ok',
      releaseGate: 'freeze',
      stale: false,
    });
    expect(
      overview.slos.items.map(i => [
        i.name,
        i.status.state,
        i.runbook?.title ?? null,
      ]),
    ).toEqual([
      // Both runbooks cover it; the one a recent drill proved is named.
      ['orders-availability', 'freeze', 'Restart the orders database'],
      ['orders-latency', 'ok', null],
    ]);
    expect(overview.openIncidents).toMatchObject({
      state: 'ok',
      items: [{ id: 7 }],
    });
    expect(overview.runbooks).toMatchObject({
      state: 'ok',
      items: [runbook, expect.objectContaining({ fresh: true })],
      incidentMinutesToMitigate: 25,
    });
    expect(
      overview.upstream.items.map(s => [
        s.entityRef,
        s.sloState,
        s.openIncidents.map(i => i.id),
        s.hidden,
      ]),
    ).toEqual([
      [DB, null, [9], false],
      [CONFIG, 'warning', [], false],
      [QUEUE, null, [], true],
    ]);
    expect(overview.upstream.total).toBe(3);
    expect(overview.downstream).toEqual({
      state: 'ok',
      reason: null,
      entities: 4,
      owners: [{ ref: 'group:default/platform', count: 3 }],
      frozen: 1,
      truncated: false,
    });
    expect(overview.recentIncidents.items.map(i => i.id)).toEqual([7]);
    expect(overview.actionItems.items.map(i => i.text)).toEqual([
      'Alert on config errors',
    ]);
  });

  const openFails = async (_ref: string, query: { status?: string }) => {
    if (query.status === 'open') throw new Error('connection refused');
    return { items: [incident(7, ORDERS)], cursor: null };
  };
  const recentFails = async (_ref: string, query: { status?: string }) => {
    if (query.status !== 'open') throw new Error('connection refused');
    return { items: [incident(7, ORDERS)], cursor: null };
  };

  it.each([
    ['escalation.getEscalation', failing, 'ownership', 'Escalation'],
    ['slos.listEntitySlos', failing, 'slos', 'SLO evaluation'],
    [
      'incidents.listForEntity',
      openFails,
      'openIncidents',
      'The incident store',
    ],
    ['runbooks.runbooksOf', failing, 'runbooks', 'The drill store'],
    [
      'dependencies.getDependencies',
      failing,
      'upstream',
      'The dependency graph',
    ],
    ['dependencies.reachImpact', failing, 'downstream', 'The dependency graph'],
    [
      'incidents.listForEntity',
      recentFails,
      'recentIncidents',
      'The incident store',
    ],
    ['incidents.openActionItems', failing, 'actionItems', 'The incident store'],
  ] as const)(
    'greys only its part when %s fails (%#)',
    async (source, fails, part, name) => {
      const logger = mockServices.logger.mock();
      const overview = await new OverviewService({
        ...readers({ [source]: fails }),
        logger,
      }).getOverview(ORDERS, mockCredentials.user());
      // The failure is logged; the caller reads which source failed, not its error.
      expect(overview[part]).toMatchObject({
        state: 'unavailable',
        reason: `${name} is unavailable right now`,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('connection refused'),
      );
      const others = Object.entries(overview).filter(
        ([key, value]) =>
          key !== part && typeof value === 'object' && value !== null,
      );
      expect(others.length).toBe(7);
      for (const [key, value] of others) {
        expect([key, (value as { state: string }).state]).toEqual([key, 'ok']);
      }
    },
  );

  it('keeps the suspects when the open incidents of dependencies cannot be read, and says so', async () => {
    const overview = await new OverviewService(
      readers({ 'incidents.openIncidents': failing }),
    ).getOverview(ORDERS, mockCredentials.user());
    expect(overview.upstream).toMatchObject({
      state: 'ok',
      reason: 'Open incidents of its dependencies are unavailable',
      total: 3,
    });
  });

  it('says on-call is unavailable, not unset, when the pager fails and no policy stands in', async () => {
    const overview = await new OverviewService(
      readers({
        'escalation.getEscalation': async () => ({
          ...escalation,
          escalationPolicy: { ref: null, source: 'none' },
          onCall: [],
          levels: [],
          warnings: [
            "pagerduty is unavailable (429 Too Many Requests); showing the catalog's escalation policy instead",
          ],
        }),
      }),
    ).getOverview(ORDERS, mockCredentials.user());
    expect(overview.ownership).toMatchObject({
      state: 'unavailable',
      reason: expect.stringContaining('pagerduty is unavailable'),
    });
  });

  it('keeps stale SLO values, marked stale', async () => {
    const stale = slo('orders-latency', 'warning');
    stale.status.stale = true;
    const overview = await new OverviewService(
      readers({ 'slos.listEntitySlos': async () => [stale] }),
    ).getOverview(ORDERS, mockCredentials.user());
    expect(overview.slos).toMatchObject({
      state: 'ok',
      stale: true,
      reason: expect.stringContaining('older evaluation'),
    });
  });

  it('says what is not set up, and what the entity has none of', async () => {
    const overview = await new OverviewService(
      readers({
        'slos.hasSliSource': false,
        'escalation.getEscalation': async () => ({
          ...escalation,
          owner: null,
          escalationPolicy: { ref: null, source: 'none' },
          onCall: [],
          levels: [],
        }),
        'runbooks.runbooksOf': async () => [],
        'incidents.openIncidents': async () => [],
        'incidents.listForEntity': async () => ({ items: [], cursor: null }),
        'incidents.openActionItems': async () => [],
      }),
    ).getOverview(ORDERS, mockCredentials.user());
    expect(overview.slos.state).toBe('not-configured');
    expect(overview.ownership).toMatchObject({
      state: 'not-configured',
      reason: 'No escalation policy or pager for this entity or its owner',
    });
    expect(overview.runbooks.state).toBe('empty');
    expect(overview.openIncidents.state).toBe('empty');
    expect(overview.recentIncidents.state).toBe('empty');
    expect(overview.actionItems.state).toBe('empty');
  });

  it('answers 404 for an entity the caller cannot read', async () => {
    await expect(
      new OverviewService(readers()).getOverview(
        'component:default/nowhere',
        mockCredentials.user(),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
