import { CodeSnippet, Link } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { List } from '@material-ui/core';
import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';
import { SloListItem, sloSnippet } from '../slo';
import { OverviewPartCard } from '../shared/OverviewPartCard';

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
            <SloListItem key={`${item.ref}#${item.objective}`} item={item}>
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
            </SloListItem>
          );
        })}
      </List>
    </OverviewPartCard>
  );
}
