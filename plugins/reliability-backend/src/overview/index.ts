export { createOverviewCapability } from './createOverviewCapability';
