import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { RequestContent } from '../shared/RequestContent';
import { SloStateLabel } from '../shared/SloStateLabel';
import { sloVerdict } from './sloVerdict';
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
                    secondary={sloVerdict(item)}
                    // Shown whole: the sentence says why the verdict is what it is.
                    secondaryTypographyProps={
                      {
                        component: 'div',
                        'data-testid': 'slo-verdict',
                        style: { whiteSpace: 'normal' },
                      } as object
                    }
                  />
                </ListItem>
              ))}
            </List>
          )
        }
      </RequestContent>
    </InfoCard>
  );
}
