export { createEscalationCapability } from './createEscalationCapability';
export type {
  EscalationReader,
  OwnershipReader,
  OwnershipSummary,
} from './EscalationService';
