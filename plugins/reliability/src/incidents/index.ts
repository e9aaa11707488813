export { EntityIncidentsContent } from './EntityIncidentsContent';
export { IncidentsSummaryCard } from './IncidentsSummaryCard';
export { IncidentsPage, IncidentsRoutes } from './IncidentsPage';
export { IncidentLink } from './IncidentLink';
export { ActionItemList } from './ActionItemList';
export { OpenIncidentList } from './OpenIncidentList';
export { IncidentStatusLabel, SeverityLabel } from './IncidentLabels';
export { DECLARATION_QUESTIONS } from './incidentWords';
