export { createSloCapability } from './createSloCapability';
export type { SloSnapshotReader, SloVerdict } from './SloService';
