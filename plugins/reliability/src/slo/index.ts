export { EntitySloContent } from './EntitySloContent';
export { SloSummaryCard } from './SloSummaryCard';
export { sloVerdict } from './sloVerdict';
export { useEntitySlos } from './useEntitySlos';
export { SloListItem } from './SloListItem';
export { sloSnippet } from './sloSnippet';
