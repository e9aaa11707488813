import { Incident } from '@reliability-suite/backstage-plugin-reliability-common';

/** An open SEV2 on orders-service, declared by Alice, without a postmortem. */
export const openIncident: Incident = {
  id: 7,
  title: 'Orders are slow to save',
  severity: 'SEV2',
  status: 'investigating',
  cause: 'unknown',
  startedAt: '2026-11-20T10:00:00.000Z',
  detectedAt: '2026-11-20T10:05:00.000Z',
  declaredAt: '2026-11-20T10:07:00.000Z',
  mitigatedAt: null,
  resolvedAt: null,
  mitigation: null,
  commander: 'user:default/carol',
  summary: null,
  impact: null,
  channel: '#inc-orders',
  entities: [
    { entityRef: 'component:default/orders-service', role: 'root-cause' },
  ],
  externalRefs: [],
  version: 1,
  createdBy: 'user:default/alice',
  createdAt: '2026-11-20T10:07:00.000Z',
  updatedAt: '2026-11-20T10:07:00.000Z',
  postmortem: null,
};
