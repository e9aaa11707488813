export { reliabilityPlugin as default } from './plugin';
