/**
 * The reliability suite's frontend: entity pages as incident-response references.
 *
 * @packageDocumentation
 */

export {
  reliabilityPlugin,
  EntityReliabilityContent,
  EntitySloContent,
  SloSummaryCard,
  EntityEscalationCard,
  ReliabilityLookupPage,
  EntityDependenciesContent,
  EntityIncidentsContent,
  IncidentsSummaryCard,
  ReliabilityIncidentsPage,
  ReliabilityIncidentResponsePage,
} from './plugin';
export { isReliabilityAvailable, isSloAvailable } from './conditions';
export { reliabilityApiRef, ReliabilityClient } from './api';
export type { ReliabilityApi } from './api';
