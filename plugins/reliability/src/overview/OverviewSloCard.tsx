import { CodeSnippet, Link } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { List, ListItem, ListItemText } from '@material-ui/core';
import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';
import { SloStateLabel } from '../shared/SloStateLabel';
import { sloVerdict } from '../slo';
import { sloSnippet } from '../slo/sloSnippet';
import { OverviewPartCard } from './OverviewPartCard';

/** The entity's SLOs, worst first; one in warning or freeze shows the runbook that covers it. */
export function OverviewSloCard(props: {
  entity: Entity;
  part: EntityOverview['slos'];
}) {
  const { part } = props;
  return (
    <OverviewPartCard
      title="SLOs and error budgets"
      part={part}
      help={
        part.state === 'empty' && (
          <CodeSnippet
            text={sloSnippet(props.entity)}
            language="yaml"
            showCopyCodeButton
          />
        )
      }
    >
      <List dense aria-label="SLOs">
        {part.items.map(item => {
          const troubled =
            item.status.state === 'warning' || item.status.state === 'freeze';
          return (
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
                  <>
                    {sloVerdict(item)}
                    {troubled && item.runbook && (
                      <>
                        {' '}
                        Runbook:{' '}
                        <Link to={item.runbook.url}>{item.runbook.title}</Link>
                      </>
                    )}
                    {troubled &&
                      !item.runbook &&
                      ' No runbook covers it (reliability.io/runbook-for).'}
                  </>
                }
                secondaryTypographyProps={
                  {
                    component: 'div',
                    'data-testid': 'slo-verdict',
                    style: { whiteSpace: 'normal' },
                  } as object
                }
              />
            </ListItem>
          );
        })}
      </List>
    </OverviewPartCard>
  );
}
