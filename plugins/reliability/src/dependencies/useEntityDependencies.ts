import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useReliabilityApi } from '../shared/useReliabilityApi';

/**
 * The entity in view's dependencies (declared, observed, hidden, unobserved, unknown), and the
 * impact walks up to `depth` both ways: what it depends on and what depends on it.
 */
export function useEntityDependencies(depth: number) {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  return useReliabilityApi(
    async api => {
      const [dependencies, downstream, upstream] = await Promise.all([
        api.getEntityDependencies(getCompoundEntityRef(entity)),
        api.getImpact({ entityRef, direction: 'downstream', maxDepth: depth }),
        api.getImpact({ entityRef, direction: 'upstream', maxDepth: depth }),
      ]);
      return { dependencies, downstream, upstream };
    },
    [entityRef, depth],
  );
}
