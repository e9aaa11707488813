import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid } from '@material-ui/core';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { runbookFor } from '@reliability-suite/backstage-plugin-reliability-common';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';
import { SloCard } from './SloCard';
import { sloSnippet } from './sloSnippet';
import { useEntitySlos } from './useEntitySlos';

/** What the entity needs to have SLOs: an OpenSLO document naming it, with one to paste. */
function NoSlosYet() {
  const { entity } = useEntity();
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

/**
 * The SLOs tab of an entity page: each SLO objective's verdict, SLI, error budget, burn rates
 * and alerts, worst first.
 *
 * @public
 */
export function EntitySloContent() {
  const { entity } = useEntity();
  const slos = useEntitySlos();
  // Which runbook covers which SLO; without it the cards still show, without runbooks.
  const runbooks = useReliabilityApi(
    api =>
      api
        .getEntityRunbooks(getCompoundEntityRef(entity))
        .then(answer => answer.items)
        .catch(() => []),
    [stringifyEntityRef(entity)],
  );
  return (
    <RequestContent request={slos}>
      {items =>
        items.length === 0 ? (
          <NoSlosYet />
        ) : (
          <Grid container spacing={3}>
            {items.map(item => (
              <Grid item xs={12} key={`${item.ref}#${item.objective}`}>
                <SloCard
                  item={item}
                  runbook={runbookFor(item, runbooks.value ?? [])}
                />
              </Grid>
            ))}
          </Grid>
        )
      }
    </RequestContent>
  );
}
