export { EntityEscalationCard } from './EntityEscalationCard';
export { LookupPage } from './LookupPage';
export { OwnershipStrip } from './OwnershipStrip';
