/**
 * Extension points of the reliability suite's backend.
 *
 * @packageDocumentation
 */

export * from './SliSource';
export * from './OnCallProvider';
export * from './DependencyObserver';
export * from './extensions';
