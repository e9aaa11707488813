export { createEscalationCapability } from './createEscalationCapability';
export type { OwnershipReader, OwnershipSummary } from './EscalationService';
