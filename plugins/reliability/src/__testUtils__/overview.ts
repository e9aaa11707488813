import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';
import { sloItem } from './mockReliabilityApi';

/** orders-service's overview: every part answered, one SLO frozen, one suspect in trouble. */
export function entityOverview(
  overrides: Partial<EntityOverview> = {},
): EntityOverview {
  return {
    entityRef: 'component:default/orders-service',
    generatedAt: '2026-11-22T10:00:00.000Z',
    ownership: {
      state: 'ok',
      reason: null,
      owner: { ref: 'group:default/commerce', title: 'Commerce', email: null },
      onCall: [
        {
          level: 1,
          userRef: 'user:default/dave',
          displayName: 'Dave Tanaka',
          until: '2026-11-23T10:00:00.000Z',
          timeZone: 'Europe/London',
        },
      ],
      escalateNext: {
        next: {
          level: 2,
          delayMinutes: 20,
          targets: ['SRE'],
          users: ['user:default/grace'],
        },
        skippedLevels: [],
      },
      contacts: { slack: '#commerce-oncall' },
    },
    slos: {
      state: 'ok',
      reason: null,
      releaseGate: 'freeze',
      stale: false,
      items: [
        {
          ...sloItem({
            status: {
              state: 'freeze',
              errorBudget: { total: 0.005, consumed: 1.2, remaining: -0.2 },
            },
          }),
          runbook: {
            title: 'Roll back the orders service',
            url: 'https://runbooks.example.com/orders/rollback',
          },
        },
        {
          ...sloItem({
            ref: 'slo:default/orders-latency',
            name: 'orders-latency',
            title: 'Orders latency',
          }),
          runbook: null,
        },
      ],
    },
    openIncidents: { state: 'empty', reason: 'No open incidents', items: [] },
    runbooks: {
      state: 'ok',
      reason: null,
      items: [
        {
          title: 'Roll back the orders service',
          url: 'https://runbooks.example.com/orders/rollback',
          covers: ['orders-availability'],
          lastDrill: {
            performedAt: '2026-11-12T10:00:00.000Z',
            outcome: 'passed',
            minutesToMitigate: 12,
          },
          fresh: true,
          reason: 'The drill on 2026-11-12 passed',
        },
        {
          title: 'Fail over the database',
          url: 'https://runbooks.example.com/orders/failover',
          covers: [],
          lastDrill: null,
          fresh: false,
          reason: 'Never drilled: do not rely on it yet',
        },
      ],
      incidentMinutesToMitigate: 25,
    },
    upstream: {
      state: 'ok',
      reason: null,
      total: 2,
      items: [
        {
          entityRef: 'resource:default/orders-db',
          title: 'Orders DB',
          sloState: 'warning',
          openIncidents: [
            { id: 9, title: 'Orders DB is slow', severity: 'SEV2' },
          ],
          hidden: false,
        },
        {
          entityRef: 'resource:default/shared-test-db',
          title: 'Shared test database',
          sloState: null,
          openIncidents: [],
          hidden: true,
        },
      ],
    },
    downstream: {
      state: 'ok',
      reason: null,
      entities: 3,
      owners: [
        { ref: 'group:default/web', count: 2 },
        { ref: 'group:default/data', count: 1 },
      ],
      frozen: 1,
      truncated: false,
    },
    recentIncidents: {
      state: 'empty',
      reason: 'No incidents recorded',
      items: [],
    },
    actionItems: { state: 'empty', reason: 'No open action items', items: [] },
    ...overrides,
  };
}
