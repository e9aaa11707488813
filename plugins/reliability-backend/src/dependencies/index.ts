export { createDependencyCapability } from './createDependencyCapability';
