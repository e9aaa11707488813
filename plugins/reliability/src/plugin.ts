import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';

/**
 * The reliability suite's frontend plugin, for apps on the legacy frontend system. Apps on the
 * new frontend system install `@reliability-suite/backstage-plugin-reliability/alpha` instead.
 *
 * @public
 */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
});

/**
 * The Reliability tab of an entity page, for `EntityLayout.Route`.
 *
 * @public
 */
export const EntityReliabilityContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityContent').then(
          m => m.EntityReliabilityContent,
        ),
    },
  }),
);
