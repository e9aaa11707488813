/**
 * Types, validators and pure logic shared by the reliability suite's frontend and backend.
 *
 * @packageDocumentation
 */

export * from './kinds';
export type { ValidationProblems } from './validation';
export { quoteExcerpt } from './validation';
export { validateSlo } from './openslo/validateSlo';
export { validateSli } from './openslo/validateSli';
export { validateEscalationPolicy } from './escalation/validateEscalationPolicy';
export * from './api';
export * from './slo/definition';
export * from './slo/duration';
export * from './slo/timeWindow';
export * from './slo/errorBudget';
export * from './slo/alerts';
export * from './slo/sloState';
export * from './slo/sloEntityRef';
export * from './escalation/policy';
export * from './escalation/schedule';
export * from './permissions';
export * from './time/isoTime';
export * from './time/formatInstant';
export * from './escalation/nextEscalation';
export * from './dependencies/observation';
export * from './incidents/incident';
export * from './incidents/incidentDurations';
export * from './runbooks/runbook';
export * from './overview/overview';
export * from './overview/changeRiskNotice';
export * from './runbooks/runbookFor';
export * from './actions';
