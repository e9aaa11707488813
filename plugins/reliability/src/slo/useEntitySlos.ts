import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  compareSloStates,
  SloItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useReliabilityApi } from '../shared/useReliabilityApi';

/** Worst first: freeze, error, warning, no data, pending, ok; then by title. */
export function sortWorstFirst(items: SloItem[]): SloItem[] {
  return [...items].sort(
    (a, b) =>
      compareSloStates(a.status.state, b.status.state) ||
      a.title.localeCompare(b.title),
  );
}

/** The SLO objectives of the entity in view, worst first. */
export function useEntitySlos() {
  const { entity } = useEntity();
  return useReliabilityApi(
    async api =>
      sortWorstFirst(
        (await api.getEntitySlos(getCompoundEntityRef(entity))).items,
      ),
    [entity],
  );
}
