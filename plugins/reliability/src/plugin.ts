import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { reliabilityApiRef, ReliabilityClient } from './api';
import {
  incidentResponseRouteRef,
  incidentsRouteRef,
  lookupRouteRef,
} from './routes';

/**
 * The reliability suite's frontend plugin, for apps on the legacy frontend system. Apps on the
 * new frontend system install `@reliability-suite/backstage-plugin-reliability/alpha` instead.
 *
 * @public
 */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  routes: {
    lookup: lookupRouteRef,
    incidents: incidentsRouteRef,
    incidentResponse: incidentResponseRouteRef,
  },
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Reliability tab of an entity page, for `EntityLayout.Route`.
 *
 * @public
 */
export const EntityReliabilityContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () => import('./overview').then(m => m.EntityReliabilityContent),
    },
  }),
);

/**
 * The SLOs tab of an entity page, for `EntityLayout.Route` with `if={isSloAvailable}`.
 *
 * @public
 */
export const EntitySloContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntitySloContent',
    component: {
      lazy: () => import('./slo').then(m => m.EntitySloContent),
    },
  }),
);

/**
 * The SLO summary card, for an entity's overview.
 *
 * @public
 */
export const SloSummaryCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'SloSummaryCard',
    component: {
      lazy: () => import('./slo').then(m => m.SloSummaryCard),
    },
  }),
);

/**
 * The "Ownership & escalation" card, for an entity's overview.
 *
 * @public
 */
export const EntityEscalationCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityEscalationCard',
    component: {
      lazy: () => import('./escalation').then(m => m.EntityEscalationCard),
    },
  }),
);

/**
 * The "Who do I page?" page, for a `<Route path="/who-do-i-page">`.
 *
 * @public
 */
export const ReliabilityLookupPage = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityLookupPage',
    mountPoint: lookupRouteRef,
    component: () => import('./escalation').then(m => m.LookupPage),
  }),
);

/**
 * The Dependencies tab: declared and observed dependencies, hidden ones, and the impact of a
 * change. For `EntityLayout.Route` with `if={isReliabilityAvailable}`.
 *
 * @public
 */
export const EntityDependenciesContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityDependenciesContent',
    component: {
      lazy: () =>
        import('./dependencies').then(m => m.EntityDependenciesContent),
    },
  }),
);

/**
 * The Incidents tab: open incidents, how often and how fast, the history, and declaring one.
 * For `EntityLayout.Route` with `if={isReliabilityAvailable}`; links to incidents need
 * `ReliabilityIncidentsPage` mounted.
 *
 * @public
 */
export const EntityIncidentsContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityIncidentsContent',
    component: {
      lazy: () => import('./incidents').then(m => m.EntityIncidentsContent),
    },
  }),
);

/**
 * Open incidents and open action items, for an entity's overview.
 *
 * @public
 */
export const IncidentsSummaryCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'IncidentsSummaryCard',
    component: {
      lazy: () => import('./incidents').then(m => m.IncidentsSummaryCard),
    },
  }),
);

/**
 * Open incidents across the portal and each incident's page, for a
 * `<Route path="/incidents">`.
 *
 * @public
 */
export const ReliabilityIncidentsPage = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityIncidentsPage',
    mountPoint: incidentsRouteRef,
    component: () => import('./incidents').then(m => m.IncidentsPage),
  }),
);

/**
 * The incident-response page: the triage checklist with the entity's own dashboards, when to
 * declare, the roles, and the overview of the entity in trouble. For a `Route` and the sidebar.
 *
 * @public
 */
export const ReliabilityIncidentResponsePage = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityIncidentResponsePage',
    mountPoint: incidentResponseRouteRef,
    component: () =>
      import('./incidentResponse').then(m => m.IncidentResponsePage),
  }),
);
