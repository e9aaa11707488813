import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { SliSource } from './SliSource';

/** Lets a module contribute the sources the reliability backend measures SLIs with. */
export interface SliSourcesExtensionPoint {
  addSliSource(source: SliSource): void;
}

/** @public */
export const sliSourcesExtensionPoint =
  createExtensionPoint<SliSourcesExtensionPoint>({
    id: 'reliability.sli-sources',
  });
