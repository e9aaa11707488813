import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ChangeRiskReport,
  DrillListResponse,
  EscalationResponse,
  RunbookListResponse,
  IncidentListResponse,
  Postmortem,
  TimelineEntry,
  OnCallScheduleResponse,
  SloItem,
  SloStatus,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { ReliabilityApi } from '../api';
import { IncidentListOptions, OpenActionItem } from '../api/ReliabilityApi';

const quietRates = {
  '5m': 0.5,
  '30m': 0.5,
  '1h': 0.5,
  '2h': 0.5,
  '6h': 0.5,
  '1d': 0.5,
  '3d': 0.5,
};

/** An SLO objective as the API lists it, healthy unless overridden. */
export function sloItem(
  overrides: Partial<Omit<SloItem, 'status'>> & {
    status?: Partial<SloStatus>;
  } = {},
): SloItem {
  const { status, ...rest } = overrides;
  return {
    ref: 'slo:default/orders-availability',
    name: 'orders-availability',
    title: 'Orders availability',
    description: null,
    objective: 0,
    objectiveName: null,
    target: 0.995,
    timeWindow: {
      duration: '28d',
      isRolling: true,
      start: '2026-10-25T10:00:00.000Z',
      end: '2026-11-22T10:00:00.000Z',
    },
    budgetingMethod: 'Occurrences',
    ...rest,
    status: {
      state: 'ok',
      sli: 0.9975,
      errorBudget: { total: 0.005, consumed: 0.5, remaining: 0.5 },
      burnRates: quietRates,
      alerts: [
        {
          severity: 'page',
          longWindow: '1h',
          shortWindow: '5m',
          factor: 13.44,
          firing: false,
        },
        {
          severity: 'page',
          longWindow: '6h',
          shortWindow: '30m',
          factor: 5.6,
          firing: false,
        },
        {
          severity: 'ticket',
          longWindow: '1d',
          shortWindow: '2h',
          factor: 2.8,
          firing: false,
        },
        {
          severity: 'ticket',
          longWindow: '3d',
          shortWindow: '6h',
          factor: 0.93,
          firing: false,
        },
      ],
      evaluatedAt: '2026-11-22T10:00:00.000Z',
      stale: false,
      error: null,
      ...status,
    },
  };
}

/** A reliability API answering with `items`, and a flat budget history. */
export function mockReliabilityApi(
  items: SloItem[] | Error,
  escalation: EscalationResponse | Error = new Error(
    'no escalation in this test',
  ),
): jest.Mocked<ReliabilityApi> {
  return {
    getEntitySlos: jest.fn(async (_entity: CompoundEntityRef) => {
      if (items instanceof Error) {
        throw items;
      }
      return { items };
    }),
    getEntityReleaseGate: jest.fn(),
    getEntityEscalation: jest.fn(async (_entity: CompoundEntityRef) => {
      if (escalation instanceof Error) {
        throw escalation;
      }
      return escalation;
    }),
    lookup: jest.fn(),
    getEntityDependencies: jest.fn(),
    getImpact: jest.fn(),
    getOnCallSchedule: jest.fn(
      async (
        _groupRef: string,
        _options: { from: string; to: string },
      ): Promise<OnCallScheduleResponse> => ({ rotations: [] }),
    ),
    declareIncident: jest.fn(),
    getIncident: jest.fn(),
    updateIncident: jest.fn(),
    listEntityIncidents: jest.fn(
      async (
        _entity: CompoundEntityRef,
        _options?: IncidentListOptions,
      ): Promise<IncidentListResponse> => ({ items: [], cursor: null }),
    ),
    listIncidents: jest.fn(
      async (
        _options?: IncidentListOptions,
      ): Promise<IncidentListResponse> => ({ items: [], cursor: null }),
    ),
    getEntityIncidentMetrics: jest.fn(),
    // No open action items: the Reliability tab's card says so.
    getEntityActionItems: jest.fn(
      async (
        _entity: CompoundEntityRef,
      ): Promise<{ items: OpenActionItem[] }> => ({ items: [] }),
    ),
    getTimeline: jest.fn(
      async (_incidentId: number): Promise<{ items: TimelineEntry[] }> => ({
        items: [],
      }),
    ),
    addTimelineEntry: jest.fn(),
    getPostmortem: jest.fn(
      async (_incidentId: number): Promise<Postmortem | undefined> => undefined,
    ),
    putPostmortem: jest.fn(),
    getEntityOverview: jest.fn(),
    getEntityRunbooks: jest.fn(
      async (_entity: CompoundEntityRef): Promise<RunbookListResponse> => ({
        items: [],
      }),
    ),
    listEntityDrills: jest.fn(
      async (
        _entity: CompoundEntityRef,
        _options?: { limit?: number; cursor?: string },
      ): Promise<DrillListResponse> => ({ items: [], cursor: null }),
    ),
    recordDrill: jest.fn(),
    // Nothing depends on it, nothing is wrong: a low risk.
    getChangeRisk: jest.fn(
      async (entityRef: string): Promise<ChangeRiskReport> => ({
        entityRef,
        risk: 'low',
        reasons: [
          'Nothing depending on it is frozen, warned, hidden or in an open incident, and its runbooks are drilled.',
        ],
        releaseGate: 'ok',
        impacted: {
          entities: 0,
          owners: [],
          byDepth: {},
          frozen: 0,
          hidden: 0,
          truncated: false,
        },
        hiddenDependents: [],
        notify: [],
        frozen: [],
        openIncidents: [],
        staleRunbooks: [],
        counts: {
          hiddenDependents: 0,
          frozen: 0,
          openIncidents: 0,
          staleRunbooks: 0,
          notify: 0,
        },
      }),
    ),
    getSloHistory: jest.fn(
      async (
        _slo: { namespace: string; name: string },
        _options: { objective: number },
      ) => ({
        step: 3600,
        points: [
          {
            t: '2026-11-21T10:00:00.000Z',
            sli: 0.998,
            errorBudgetRemaining: 0.6,
          },
          {
            t: '2026-11-22T10:00:00.000Z',
            sli: 0.9975,
            errorBudgetRemaining: 0.5,
          },
        ],
      }),
    ),
  };
}

/** The escalation of orders-service: Dave on call in the London rotation, SRE after 20 minutes. */
export function escalationResponse(
  overrides: Partial<EscalationResponse> = {},
): EscalationResponse {
  return {
    entityRef: 'component:default/orders-service',
    owner: {
      ref: 'group:default/commerce',
      title: 'Commerce',
      email: 'commerce@example.com',
    },
    escalationPolicy: {
      ref: 'escalationpolicy:default/commerce-oncall',
      source: 'owner',
    },
    onCall: [
      {
        level: 1,
        userRef: 'user:default/dave',
        displayName: 'Dave Tanaka',
        email: 'dave@example.com',
        rotation: 'primary',
        timeZone: 'Europe/London',
        from: '2026-11-16T10:00:00.000Z',
        until: '2026-11-23T10:00:00.000Z',
      },
    ],
    levels: [
      {
        level: 1,
        delayMinutes: 0,
        targets: [
          {
            type: 'rotation',
            ref: 'primary',
            displayName: 'primary rotation (Europe/London)',
            users: ['user:default/dave'],
          },
        ],
      },
      {
        level: 2,
        delayMinutes: 20,
        targets: [
          {
            type: 'group',
            ref: 'group:default/sre',
            displayName: 'SRE',
            users: ['user:default/grace', 'user:default/henry'],
          },
        ],
      },
    ],
    contacts: {
      slack: '#commerce-oncall',
      email: 'commerce-oncall@example.com',
    },
    warnings: [],
    ...overrides,
  };
}
