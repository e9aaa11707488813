export { EntityIncidentsContent } from './EntityIncidentsContent';
export { IncidentsSummaryCard } from './IncidentsSummaryCard';
export { IncidentsPage, IncidentsRoutes } from './IncidentsPage';
export { IncidentLink } from './IncidentLink';
