export { createDependencyCapability } from './createDependencyCapability';
export type {
  DependencyReader,
  ImpactReach,
  ObservationWriter,
} from './DependencyService';
