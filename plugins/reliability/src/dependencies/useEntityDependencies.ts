import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useReliabilityApi } from '../shared/useReliabilityApi';

/** Impact entities per request: a hub's whole answer is thousands, each with its on-call. */
export const IMPACT_PAGE_SIZE = 100;

/**
 * The entity in view's dependencies (declared, observed, hidden, unobserved, unknown), and the
 * first page of the impact walks up to `depth` both ways: what it depends on and what depends
 * on it, nearest first.
 */
export function useEntityDependencies(depth: number) {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  return useReliabilityApi(
    async api => {
      const [dependencies, downstream, upstream] = await Promise.all([
        api.getEntityDependencies(getCompoundEntityRef(entity)),
        api.getImpact({
          entityRef,
          direction: 'downstream',
          maxDepth: depth,
          limit: IMPACT_PAGE_SIZE,
        }),
        api.getImpact({
          entityRef,
          direction: 'upstream',
          maxDepth: depth,
          limit: IMPACT_PAGE_SIZE,
        }),
      ]);
      return { dependencies, downstream, upstream };
    },
    [entityRef, depth],
  );
}
