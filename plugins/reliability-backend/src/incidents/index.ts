export { createIncidentCapability } from './createIncidentCapability';
