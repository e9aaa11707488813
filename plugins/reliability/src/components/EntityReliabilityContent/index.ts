export { EntityReliabilityContent } from './EntityReliabilityContent';
