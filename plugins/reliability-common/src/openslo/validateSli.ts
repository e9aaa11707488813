import { parseSliSpec } from '../slo/definition';
import { ValidationProblems } from '../validation';

/** Checks an OpenSLO v1 `SLI` document: a ratio of Prometheus counts. */
export function validateSli(spec: unknown): ValidationProblems {
  return parseSliSpec(spec).problems;
}
