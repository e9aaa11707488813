export {
  EntityEscalationCard,
  EscalationDetails,
} from './EntityEscalationCard';
