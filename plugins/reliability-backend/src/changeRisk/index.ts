export { createChangeRiskCapability } from './createChangeRiskCapability';
