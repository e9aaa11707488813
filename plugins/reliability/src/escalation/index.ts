export { EntityEscalationCard } from './EntityEscalationCard';
export { LookupPage, LookupSearch } from './LookupPage';
export { ContactLinks } from './ContactLinks';
export { nextLevelText } from './escalationWords';
export { useEntityEscalation } from './useEntityEscalation';
