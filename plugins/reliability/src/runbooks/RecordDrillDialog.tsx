import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  DRILL_OUTCOMES,
  DRILL_TEXT_LIMITS,
  DrillOutcome,
  RunbookItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../api';
import { DateTimeField, localInputValue } from '../shared/DateTimeField';
import { OUTCOME_LABELS } from './runbookWords';

/** "dave, user:default/erin" as user refs. */
function participantRefs(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map(name => name.trim())
    .filter(Boolean)
    .map(name => (name.includes(':') ? name : `user:${name}`));
}

/** Recording a drill (game day) of one of the entity's runbooks, after it took place. */
export function RecordDrillDialog(props: {
  entity: { kind: string; namespace: string; name: string };
  runbooks: RunbookItem[];
  open: boolean;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const api = useApi(reliabilityApiRef);
  const [runbookUrl, setRunbookUrl] = useState(props.runbooks[0]?.url ?? '');
  const [scenario, setScenario] = useState('');
  const [performedAt, setPerformedAt] = useState(() =>
    localInputValue(new Date()),
  );
  const [outcome, setOutcome] = useState<DrillOutcome>('passed');
  const [minutes, setMinutes] = useState('');
  const [participants, setParticipants] = useState('');
  const [findings, setFindings] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  async function record() {
    setSaving(true);
    setError(undefined);
    try {
      await api.recordDrill({
        entityRef: stringifyEntityRef(props.entity),
        runbookUrl,
        scenario,
        performedAt: new Date(performedAt).toISOString(),
        outcome,
        minutesToMitigate: minutes === '' ? null : Number(minutes),
        participants: participantRefs(participants),
        findings,
      });
      props.onRecorded();
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Record a drill</DialogTitle>
      <DialogContent>
        <TextField
          select
          id="drill-runbook"
          label="Runbook"
          value={runbookUrl}
          onChange={e => setRunbookUrl(e.target.value)}
          fullWidth
          margin="normal"
        >
          {props.runbooks.map(runbook => (
            <MenuItem key={runbook.url} value={runbook.url}>
              {runbook.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="drill-scenario"
          label="Scenario"
          helperText="What was broken on purpose, e.g. the primary database stopped"
          value={scenario}
          onChange={e => setScenario(e.target.value)}
          fullWidth
          required
          margin="normal"
          inputProps={{ maxLength: DRILL_TEXT_LIMITS.scenario }}
        />
        <Box display="flex" gridGap={16} flexWrap="wrap">
          <DateTimeField
            id="drill-performed"
            label="Performed"
            value={performedAt}
            onChange={setPerformedAt}
          />
          <TextField
            select
            id="drill-outcome"
            label="Outcome"
            value={outcome}
            onChange={e => setOutcome(e.target.value as DrillOutcome)}
            margin="normal"
            style={{ minWidth: 160 }}
          >
            {DRILL_OUTCOMES.map(o => (
              <MenuItem key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="drill-minutes"
            label="Minutes to mitigate"
            type="number"
            value={minutes}
            onChange={e => setMinutes(e.target.value)}
            margin="normal"
            inputProps={{ min: 0 }}
          />
        </Box>
        <TextField
          id="drill-participants"
          label="Participants"
          helperText="User names or refs, separated by commas"
          value={participants}
          onChange={e => setParticipants(e.target.value)}
          fullWidth
          margin="normal"
        />
        <TextField
          id="drill-findings"
          label="Findings"
          helperText="What the runbook got wrong or left out, what took longest"
          value={findings}
          onChange={e => setFindings(e.target.value)}
          fullWidth
          multiline
          minRows={3}
          margin="normal"
          inputProps={{ maxLength: DRILL_TEXT_LIMITS.findings }}
        />
        {error && (
          <Typography color="error" role="alert">
            {error}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={record}
          disabled={saving || !scenario.trim() || !runbookUrl || !performedAt}
        >
          Record drill
        </Button>
      </DialogActions>
    </Dialog>
  );
}
