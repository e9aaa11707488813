import { Link, StatusOK, StatusWarning } from '@backstage/core-components';
import { List, ListItem, ListItemText } from '@material-ui/core';
import { RunbookItem } from '@reliability-suite/backstage-plugin-reliability-common';
import { formatLocal } from '../shared/formatTime';
import { mitigationComparison, OUTCOME_LABELS } from './runbookWords';

/** What to do about a drilled runbook that is not proven: the reason's advice, without its date. */
function drillAdvice(runbook: RunbookItem): string {
  if (runbook.fresh || !runbook.lastDrill) return '';
  return runbook.lastDrill.outcome === 'passed'
    ? ', too long ago to rely on: drill it again'
    : ', fix the runbook and drill it again';
}

/**
 * Each runbook with whether a recent drill proved it: "Drilled" or "Not proven" with the
 * reason, the last drill's date and outcome, and its time to mitigate beside real incidents'.
 */
export function RunbookList(props: {
  runbooks: RunbookItem[];
  incidentMinutesToMitigate: number | null;
}) {
  return (
    <List dense aria-label="Runbooks">
      {props.runbooks.map(runbook => {
        const drill = runbook.lastDrill;
        const comparison = drill
          ? mitigationComparison(
              drill.minutesToMitigate,
              props.incidentMinutesToMitigate,
            )
          : undefined;
        return (
          <ListItem key={runbook.url} disableGutters alignItems="flex-start">
            <ListItemText
              primary={
                <>
                  {runbook.fresh ? (
                    <StatusOK>Drilled</StatusOK>
                  ) : (
                    <StatusWarning>Not proven</StatusWarning>
                  )}{' '}
                  <Link to={runbook.url}>{runbook.title}</Link>
                  {runbook.covers.length > 0 &&
                    ` (for ${runbook.covers.join(', ')})`}
                </>
              }
              secondary={
                <>
                  {drill
                    ? `Last drill ${formatLocal(drill.performedAt)}: ${
                        OUTCOME_LABELS[drill.outcome]
                      }${drillAdvice(runbook)}`
                    : runbook.reason}
                  {comparison && `; ${comparison}`}
                </>
              }
              secondaryTypographyProps={{ style: { whiteSpace: 'normal' } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
