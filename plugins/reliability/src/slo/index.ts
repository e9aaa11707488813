export { EntitySloContent } from './EntitySloContent';
export { SloSummaryCard } from './SloSummaryCard';
