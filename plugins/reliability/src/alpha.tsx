import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isReliabilityAvailable } from './conditions';

/** The Reliability tab on the pages of components, resources and systems. */
export const entityReliabilityContent = EntityContentBlueprint.make({
  name: 'overview',
  params: {
    path: '/reliability',
    title: 'Reliability',
    filter: isReliabilityAvailable,
    loader: () =>
      import('./components/EntityReliabilityContent').then(m => (
        <m.EntityReliabilityContent />
      )),
  },
});

/**
 * The reliability suite's frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'reliability',
  extensions: [entityReliabilityContent],
});
