import { CompoundEntityRef } from '@backstage/catalog-model';
import { useReliabilityApi } from '../shared/useReliabilityApi';

/** The entity's overview, in one request; `retry` reads it again (after recording a drill). */
export function useEntityOverview(entity: CompoundEntityRef) {
  return useReliabilityApi(
    api => api.getEntityOverview(entity),
    [entity.kind, entity.namespace, entity.name],
  );
}
