import { isNonEmptyString, isRecord, ValidationProblems } from '../validation';

/** Checks the basic shape of a `reliability.io/v1alpha1` `EscalationPolicy` document. */
export function validateEscalationPolicy(spec: unknown): ValidationProblems {
  if (!isRecord(spec)) {
    return ['spec must be an object'];
  }
  const problems: ValidationProblems = [];
  if (!isNonEmptyString(spec.owner)) {
    problems.push(
      'spec.owner must name the group the policy belongs to, e.g. "group:default/payments"',
    );
  }
  if (spec.rotations !== undefined && !Array.isArray(spec.rotations)) {
    problems.push('spec.rotations must be a list');
  }
  if (!Array.isArray(spec.levels) || spec.levels.length === 0) {
    problems.push('spec.levels must list at least one escalation level');
  } else {
    spec.levels.forEach((level, index) => {
      if (!isRecord(level) || !Array.isArray(level.targets)) {
        problems.push(`spec.levels[${index}].targets must be a list`);
      }
    });
  }
  return problems;
}
