export { ChangeRiskCard } from './ChangeRiskCard';
