/**
 * PagerDuty as an on-call provider of the reliability suite.
 *
 * @packageDocumentation
 */

export { reliabilityModulePagerDuty as default } from './module';
export { PagerDutyClient } from './PagerDutyClient';
export { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';
