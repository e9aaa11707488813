import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { List, Typography } from '@material-ui/core';
import { RequestContent } from '../shared/RequestContent';
import { SloListItem } from './SloListItem';
import { sloSnippet } from './sloSnippet';
import { useEntitySlos } from './useEntitySlos';

/**
 * The SLO summary for an entity's overview: each objective's verdict and budget left, worst
 * first; the snippet to start with when the entity has none.
 *
 * @public
 */
export function SloSummaryCard() {
  const { entity } = useEntity();
  const slos = useEntitySlos();
  return (
    <InfoCard title="SLOs and error budgets" variant="gridItem">
      <RequestContent request={slos}>
        {items =>
          items.length === 0 ? (
            <>
              <Typography paragraph>
                No SLOs yet: add an OpenSLO document next to catalog-info.yaml.
              </Typography>
              <CodeSnippet
                text={sloSnippet(entity)}
                language="yaml"
                showCopyCodeButton
              />
            </>
          ) : (
            <List dense aria-label="SLOs">
              {items.map(item => (
                <SloListItem
                  key={`${item.ref}#${item.objective}`}
                  item={item}
                />
              ))}
            </List>
          )
        }
      </RequestContent>
    </InfoCard>
  );
}
