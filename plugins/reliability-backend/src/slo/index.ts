export { createSloCapability } from './createSloCapability';
export type { SloReader, SloSnapshotReader, SloVerdict } from './SloService';
