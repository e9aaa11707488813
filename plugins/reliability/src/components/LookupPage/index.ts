export { LookupPage } from './LookupPage';
