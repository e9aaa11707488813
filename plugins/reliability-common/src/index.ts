/**
 * Types, validators and pure logic shared by the reliability suite's frontend and backend.
 *
 * @packageDocumentation
 */

export * from './kinds';
export type { ValidationProblems } from './validation';
export { validateSlo } from './openslo/validateSlo';
export { validateSli } from './openslo/validateSli';
export { validateEscalationPolicy } from './escalation/validateEscalationPolicy';
export type { HealthResponse } from './api';
