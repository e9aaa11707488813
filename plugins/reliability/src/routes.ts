import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The "Who do I page?" lookup page. */
export const lookupRouteRef = createRouteRef({ id: 'reliability-lookup' });

/** Open incidents across the portal; each incident's page is below it. */
export const incidentsRouteRef = createRouteRef({
  id: 'reliability-incidents',
});

/** The incident-response page: triage, roles and the overview of the entity in trouble. */
export const incidentResponseRouteRef = createRouteRef({
  id: 'reliability-incident-response',
});

/** One incident: its facts, timeline and postmortem. */
export const incidentRouteRef = createSubRouteRef({
  id: 'reliability-incident',
  parent: incidentsRouteRef,
  path: '/:id',
});
