import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { DependencyObserver } from './DependencyObserver';
import { OnCallProvider } from './OnCallProvider';
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

/** Lets a module contribute external on-call providers. */
export interface OnCallProvidersExtensionPoint {
  addOnCallProvider(provider: OnCallProvider): void;
}

/** @public */
export const onCallProvidersExtensionPoint =
  createExtensionPoint<OnCallProvidersExtensionPoint>({
    id: 'reliability.on-call-providers',
  });

/** Lets a module contribute dependency observers. */
export interface DependencyObserversExtensionPoint {
  addDependencyObserver(observer: DependencyObserver): void;
}

/** @public */
export const dependencyObserversExtensionPoint =
  createExtensionPoint<DependencyObserversExtensionPoint>({
    id: 'reliability.dependency-observers',
  });
