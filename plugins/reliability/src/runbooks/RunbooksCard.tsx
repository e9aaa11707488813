import { Button } from '@material-ui/core';
import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { OverviewPartCard } from '../shared/OverviewPartCard';
import { DrillHistoryDialog } from './DrillHistoryDialog';
import { RecordDrillDialog } from './RecordDrillDialog';
import { RunbookList } from './RunbookList';

/** The entity's runbooks with when each was last drilled, and recording a drill. */
export function RunbooksCard(props: {
  entity: { kind: string; namespace: string; name: string };
  part: EntityOverview['runbooks'];
  onDrillRecorded: () => void;
}) {
  const [recording, setRecording] = useState(false);
  const [history, setHistory] = useState(false);
  const { part } = props;
  return (
    <OverviewPartCard
      title="Runbooks"
      part={part}
      action={
        part.items.length > 0 ? (
          <>
            <Button size="small" onClick={() => setHistory(true)}>
              Drill history
            </Button>
            <Button size="small" onClick={() => setRecording(true)}>
              Record a drill
            </Button>
          </>
        ) : undefined
      }
      help="Link each procedure from catalog-info.yaml: metadata.links with type: runbook; map it to the SLOs and alerts it covers with the reliability.io/runbook-for annotation."
    >
      <RunbookList
        runbooks={part.items}
        incidentMinutesToMitigate={part.incidentMinutesToMitigate}
      />
      {history && (
        <DrillHistoryDialog
          entity={props.entity}
          runbooks={part.items}
          onClose={() => setHistory(false)}
        />
      )}
      {recording && (
        <RecordDrillDialog
          entity={props.entity}
          runbooks={part.items}
          open
          onClose={() => setRecording(false)}
          onRecorded={props.onDrillRecorded}
        />
      )}
    </OverviewPartCard>
  );
}
