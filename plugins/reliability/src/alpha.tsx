import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import ContactPhoneIcon from '@material-ui/icons/ContactPhone';
import LocalHospitalIcon from '@material-ui/icons/LocalHospital';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import { reliabilityApiRef, ReliabilityClient } from './api';
import {
  incidentResponseRouteRef,
  incidentsRouteRef,
  lookupRouteRef,
} from './routes';
import { isReliabilityAvailable, isSloAvailable } from './conditions';

/** The client of the reliability backend. */
export const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

/** The Reliability tab on the pages of components, resources and systems. */
export const entityReliabilityContent = EntityContentBlueprint.make({
  name: 'overview',
  params: {
    path: '/reliability',
    title: 'Reliability',
    filter: isReliabilityAvailable,
    loader: () =>
      import('./overview').then(m => <m.EntityReliabilityContent />),
  },
});

/** The SLOs tab, on entities that have SLOs. */
export const entitySloContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: '/slos',
    title: 'SLOs',
    filter: isSloAvailable,
    loader: () => import('./slo').then(m => <m.EntitySloContent />),
  },
});

/** The Dependencies tab: declared, observed and hidden dependencies, and the impact of a change. */
export const entityDependenciesContent = EntityContentBlueprint.make({
  name: 'dependencies',
  params: {
    path: '/dependencies',
    title: 'Dependencies',
    filter: isReliabilityAvailable,
    loader: () =>
      import('./dependencies').then(m => <m.EntityDependenciesContent />),
  },
});

/** The Incidents tab: open incidents, how often and how fast, the history, declaring one. */
export const entityIncidentsContent = EntityContentBlueprint.make({
  name: 'incidents',
  params: {
    path: '/incidents',
    title: 'Incidents',
    filter: isReliabilityAvailable,
    loader: () => import('./incidents').then(m => <m.EntityIncidentsContent />),
  },
});

/** Open incidents across the portal, and each incident's page below it. */
export const incidentsPage = PageBlueprint.make({
  name: 'incidents',
  params: {
    path: '/incidents',
    title: 'Incidents',
    icon: <ReportProblemIcon />,
    routeRef: convertLegacyRouteRef(incidentsRouteRef),
    loader: () => import('./incidents').then(m => <m.IncidentsRoutes />),
  },
});

/** The SLO summary card, on the overview of entities that have SLOs. */
export const entitySloSummaryCard = EntityCardBlueprint.make({
  name: 'slo-summary',
  params: {
    filter: isSloAvailable,
    loader: () => import('./slo').then(m => <m.SloSummaryCard />),
  },
});

/** The "Ownership & escalation" card, on every entity the Reliability tab covers. */
export const entityEscalationCard = EntityCardBlueprint.make({
  name: 'escalation',
  params: {
    filter: isReliabilityAvailable,
    loader: () => import('./escalation').then(m => <m.EntityEscalationCard />),
  },
});

/** The incident-response page: triage, when to declare, roles, and the entity's overview. */
export const incidentResponsePage = PageBlueprint.make({
  name: 'incident-response',
  params: {
    path: '/incident-response',
    title: 'Incident response',
    icon: <LocalHospitalIcon />,
    routeRef: convertLegacyRouteRef(incidentResponseRouteRef),
    loader: () =>
      import('./incidentResponse').then(m => <m.IncidentResponsePage />),
  },
});

/** "Who do I page?": ownership and escalation lookup across the catalog. */
export const lookupPage = PageBlueprint.make({
  name: 'lookup',
  params: {
    path: '/who-do-i-page',
    title: 'Who do I page?',
    icon: <ContactPhoneIcon />,
    routeRef: convertLegacyRouteRef(lookupRouteRef),
    loader: () => import('./escalation').then(m => <m.LookupSearch />),
  },
});

/**
 * The reliability suite's frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'reliability',
  extensions: [
    reliabilityApi,
    entityReliabilityContent,
    entitySloContent,
    entityDependenciesContent,
    entityIncidentsContent,
    entitySloSummaryCard,
    entityEscalationCard,
    lookupPage,
    incidentsPage,
    incidentResponsePage,
  ],
  routes: {
    lookup: convertLegacyRouteRef(lookupRouteRef),
    incidents: convertLegacyRouteRef(incidentsRouteRef),
    incidentResponse: convertLegacyRouteRef(incidentResponseRouteRef),
  },
});
