import { ValidationProblems } from '../validation';
import { parseEscalationPolicySpec } from './policy';

/** Checks a `reliability.io/v1alpha1` `EscalationPolicy` document. */
export function validateEscalationPolicy(spec: unknown): ValidationProblems {
  return parseEscalationPolicySpec(spec).problems;
}
