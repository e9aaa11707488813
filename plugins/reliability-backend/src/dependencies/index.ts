export { createDependencyCapability } from './createDependencyCapability';
export type { DependencyReader, ObservationWriter } from './DependencyService';
export { impactWithHidden } from './impactWithHidden';
