export { EntityReliabilityContent } from './EntityReliabilityContent';
export { OverviewCards } from './ReliabilityOverview';
export { useEntityOverview } from './useEntityOverview';
