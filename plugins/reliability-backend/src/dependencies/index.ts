export { createDependencyCapability } from './createDependencyCapability';
export type { ObservationWriter } from './DependencyService';
