export { createRunbookCapability } from './createRunbookCapability';
export type { RunbookReader } from './RunbookService';
