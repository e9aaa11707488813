export { IncidentResponsePage } from './IncidentResponsePage';
