import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useReliabilityApi } from '../shared/useReliabilityApi';

/** The entity in view's escalation path now: owner, policy, on-call, levels, contacts. */
export function useEntityEscalation() {
  const { entity } = useEntity();
  return useReliabilityApi(
    api => api.getEntityEscalation(getCompoundEntityRef(entity)),
    [entity],
  );
}
