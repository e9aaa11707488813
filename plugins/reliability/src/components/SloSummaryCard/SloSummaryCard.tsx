import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { List, ListItem, ListItemText } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { CapabilityCard } from '../EntityReliabilityContent/CapabilityCard';
import { sloSnippet } from '../EntityReliabilityContent/snippets';
import { sortWorstFirst } from '../EntitySloContent/EntitySloContent';
import { formatPercent } from '../EntitySloContent/format';
import { budgetSentence } from '../EntitySloContent/SloCard';
import { SloStateLabel } from '../EntitySloContent/SloStateLabel';

const TITLE = 'SLOs and error budgets';

/**
 * The SLO summary for the Reliability overview: each objective's verdict and budget left,
 * worst first; the snippet to start with when the entity has none.
 *
 * @public
 */
export function SloSummaryCard() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntitySlos(getCompoundEntityRef(entity)),
    [api, entity],
  );

  if (loading) {
    return (
      <InfoCard title={TITLE} variant="gridItem">
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={TITLE} variant="gridItem">
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!value || value.items.length === 0) {
    return (
      <CapabilityCard
        title={TITLE}
        shows="Each SLO's verdict (ok, warning, freeze), how much of its error budget is left and how fast it burns, with the target beside every number."
        configure="No SLOs yet: add an OpenSLO document next to catalog-info.yaml."
        snippet={sloSnippet(entity)}
      />
    );
  }
  return (
    <InfoCard title={TITLE} variant="gridItem">
      <List dense aria-label="SLOs">
        {sortWorstFirst(value.items).map(item => (
          <ListItem key={`${item.ref}#${item.objective}`} disableGutters>
            <ListItemText
              primary={
                <>
                  <SloStateLabel
                    state={item.status.state}
                    stale={item.status.stale}
                  />{' '}
                  {item.objectiveName
                    ? `${item.title}: ${item.objectiveName}`
                    : item.title}
                </>
              }
              secondary={
                item.status.state === 'error'
                  ? item.status.error
                  : `${budgetSentence(item)} (target ${formatPercent(
                      item.target,
                      3,
                    )})`
              }
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
