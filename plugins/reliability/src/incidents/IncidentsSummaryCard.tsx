import { InfoCard } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { countOf } from '../shared/format';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';
import { ActionItemList } from './ActionItemList';
import { OpenIncidentList } from './OpenIncidentList';

const OPEN_SHOWN = 5;

/**
 * The entity's open incidents, and the open action items of its postmortems with their owners
 * and due dates: what the Reliability tab shows of incidents.
 *
 * @public
 */
export function IncidentsSummaryCard() {
  const { entity } = useEntity();
  const ref = getCompoundEntityRef(entity);
  const request = useReliabilityApi(
    async api => {
      const [open, actionItems] = await Promise.all([
        api.listEntityIncidents(ref, { status: 'open', limit: OPEN_SHOWN }),
        api.getEntityActionItems(ref),
      ]);
      return { open, actionItems: actionItems.items };
    },
    [ref.kind, ref.namespace, ref.name],
  );
  return (
    <InfoCard title="Incidents">
      <RequestContent request={request}>
        {({ open, actionItems }) => (
          <>
            <OpenIncidentList incidents={open.items} />
            {open.cursor && (
              <Typography variant="caption" color="textSecondary">
                More open incidents on the Incidents tab.
              </Typography>
            )}
            <Typography
              variant="subtitle2"
              component="h3"
              style={{ marginTop: 8 }}
            >
              {actionItems.length === 0
                ? 'No open action items.'
                : `${countOf(actionItems.length, 'open action item')}:`}
            </Typography>
            {actionItems.length > 0 && <ActionItemList items={actionItems} />}
          </>
        )}
      </RequestContent>
    </InfoCard>
  );
}
