import { parseSloSpec } from '../slo/definition';
import { ValidationProblems } from '../validation';

/**
 * Checks an OpenSLO v1 `SLO` document: everything the suite needs to evaluate it (service,
 * a Prometheus ratio indicator, objectives, time window, budgeting method).
 */
export function validateSlo(spec: unknown): ValidationProblems {
  return parseSloSpec(spec).problems;
}
