import {
  CodeSnippet,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid } from '@material-ui/core';
import {
  compareSloStates,
  SloItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { sloSnippet } from '../EntityReliabilityContent/snippets';
import { SloCard } from './SloCard';

/** Worst first: freeze, error, warning, no data, ok; then by title. */
export function sortWorstFirst(items: SloItem[]): SloItem[] {
  return [...items].sort(
    (a, b) =>
      compareSloStates(a.status.state, b.status.state) ||
      a.title.localeCompare(b.title),
  );
}

/**
 * The SLOs tab of an entity page: each SLO objective's verdict, SLI, error budget, burn rates
 * and alerts, worst first.
 *
 * @public
 */
export function EntitySloContent() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntitySlos(getCompoundEntityRef(entity)),
    [api, entity],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.items.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No SLOs yet"
        description="Add an OpenSLO document next to catalog-info.yaml, naming this entity in spec.service, and register it with the catalog."
        action={
          <CodeSnippet
            text={sloSnippet(entity)}
            language="yaml"
            showCopyCodeButton
          />
        }
      />
    );
  }
  return (
    <Grid container spacing={3}>
      {sortWorstFirst(value.items).map(item => (
        <Grid item xs={12} lg={6} key={`${item.ref}#${item.objective}`}>
          <SloCard item={item} />
        </Grid>
      ))}
    </Grid>
  );
}
