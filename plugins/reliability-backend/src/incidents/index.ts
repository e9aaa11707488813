export { createIncidentCapability } from './createIncidentCapability';
export type { IncidentReader } from './IncidentService';
