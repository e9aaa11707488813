/**
 * The reliability suite's frontend: entity pages as incident-response references.
 *
 * @packageDocumentation
 */

export { reliabilityPlugin, EntityReliabilityContent } from './plugin';
export { isReliabilityAvailable } from './conditions';
