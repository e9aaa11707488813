/***/
/**
 * The reliability-processor module for @backstage/plugin-catalog-backend
 *
 * @packageDocumentation
 */

export { catalogModuleReliability as default } from './module';
