import {
  CodeSnippet,
  CopyTextButton,
  Progress,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  INCIDENT_CAUSES,
  INCIDENT_SEVERITIES,
  Incident,
  IncidentCause,
  IncidentSeverity,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../api';
import { DateTimeField, localInputValue } from '../shared/DateTimeField';
import { IncidentLink, useIncidentPath } from './IncidentLink';
import {
  CAUSE_LABELS,
  DECLARATION_QUESTIONS,
  NoticeEntity,
  firstNotice,
} from './incidentWords';

// How far downstream the affected entities are suggested from.
const IMPACT_DEPTH = 2;
// An incident names at most 100 entities: the root cause and 99 affected.
const AFFECTED_LIMIT = 99;

/** Who is on call, in words; `onCall` is null when it could not be looked up. */
function onCallWords(onCall: string[] | null): string {
  if (onCall === null) return 'could not look up who is on call';
  return onCall.length > 0 ? onCall.join(', ') : 'nobody on call';
}

type Candidate = NoticeEntity & { entityRef: string };

/**
 * Declaring an incident with the entity in view as its root cause: the questions that say
 * whether to declare, what is known, and the affected entities suggested from its downstream
 * impact. Once declared, the first notice to copy and whom to page.
 */
export function DeclareIncidentDialog(props: {
  open: boolean;
  onClose: () => void;
  onDeclared: (incident: Incident) => void;
}) {
  const api = useApi(reliabilityApiRef);
  const incidentPath = useIncidentPath();
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const entityTitle = entity.metadata.title ?? entity.metadata.name;

  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<IncidentSeverity>('SEV2');
  const [cause, setCause] = useState<IncidentCause>('unknown');
  const [startedAt, setStartedAt] = useState(() => localInputValue(new Date()));
  const [detectedAt, setDetectedAt] = useState(() =>
    localInputValue(new Date()),
  );
  const [channel, setChannel] = useState('');
  const [summary, setSummary] = useState('');
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const [declared, setDeclared] = useState<Incident>();

  const impact = useAsync(async () => {
    if (!props.open) return undefined;
    const [downstream, escalation] = await Promise.all([
      api.getImpact({
        entityRef,
        direction: 'downstream',
        maxDepth: IMPACT_DEPTH,
        limit: AFFECTED_LIMIT,
      }),
      // Declaring must not wait on on-call: without it, the notice says it is unknown.
      api
        .getEntityEscalation({
          kind: entity.kind,
          namespace: entity.metadata.namespace ?? 'default',
          name: entity.metadata.name,
        })
        .catch(() => undefined),
    ]);
    const root: Candidate = {
      entityRef,
      title: entityTitle,
      owner: escalation?.owner?.title ?? null,
      onCall: escalation
        ? escalation.onCall.filter(o => o.level === 1).map(o => o.displayName)
        : null,
    };
    const affected: Candidate[] = downstream.impacted.map(item => ({
      entityRef: item.entityRef,
      title: item.title,
      owner: item.owner?.title ?? null,
      onCall: item.onCall?.map(o => o.displayName) ?? [],
    }));
    return {
      root,
      affected,
      truncated: downstream.truncated || downstream.cursor !== null,
    };
  }, [props.open, entityRef]);

  const affected = (impact.value?.affected ?? []).filter(
    c => !unchecked.has(c.entityRef),
  );

  async function declare() {
    setSubmitting(true);
    setError(undefined);
    try {
      const incident = await api.declareIncident({
        title,
        severity,
        status: 'investigating',
        cause,
        startedAt: new Date(startedAt).toISOString(),
        detectedAt: new Date(detectedAt).toISOString(),
        declaredAt: new Date().toISOString(),
        channel: channel || null,
        summary: summary || null,
        entities: [
          { entityRef, role: 'root-cause' },
          ...affected.map(c => ({
            entityRef: c.entityRef,
            role: 'affected' as const,
          })),
        ],
      });
      setDeclared(incident);
      props.onDeclared(incident);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSubmitting(false);
    }
  }

  const toggle = (ref: string) =>
    setUnchecked(previous => {
      const next = new Set(previous);
      if (next.has(ref)) next.delete(ref);
      else next.add(ref);
      return next;
    });

  if (declared) {
    const root = impact.value?.root;
    const everyone = [root, ...affected].filter((c): c is Candidate =>
      Boolean(c),
    );
    const path = incidentPath(declared.id);
    const notice = firstNotice(
      declared,
      { root, affected },
      path && `${window.location.origin}${path}`,
    );
    return (
      <Dialog open={props.open} onClose={props.onClose} maxWidth="md" fullWidth>
        <DialogTitle>
          Incident {declared.id} declared: send the first notice now
        </DialogTitle>
        <DialogContent>
          <Typography paragraph>
            Send this to the response channel and to the owners of everything
            affected, with only what is known; details follow in the incident.
          </Typography>
          <Box display="flex" alignItems="flex-start" gridGap={8}>
            <Box flex={1} minWidth={0} data-testid="first-notice">
              <CodeSnippet text={notice} language="text" />
            </Box>
            <CopyTextButton
              text={notice}
              tooltipText="Copied the first notice"
              aria-label="Copy the first notice"
            />
          </Box>
          <Typography variant="h6" component="h3" style={{ marginTop: 16 }}>
            Whom to page
          </Typography>
          <ul aria-label="Whom to page">
            {everyone.map(c => (
              <li key={c.entityRef}>
                {c.title}
                {c.owner ? ` (${c.owner})` : ''}: {onCallWords(c.onCall)}
              </li>
            ))}
          </ul>
        </DialogContent>
        <DialogActions>
          <IncidentLink id={declared.id}>
            Open incident {declared.id}
          </IncidentLink>
          <Button onClick={props.onClose}>Close</Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>Declare an incident on {entityTitle}</DialogTitle>
      <DialogContent>
        <Typography variant="subtitle2" component="p">
          Declare if any of these is true:
        </Typography>
        <List dense aria-label="When to declare" disablePadding>
          {DECLARATION_QUESTIONS.map(question => (
            <ListItem key={question} disableGutters>
              <ListItemText primary={`• ${question}`} />
            </ListItem>
          ))}
        </List>
        <TextField
          id="declare-title"
          label="What is happening"
          helperText="What users see, not who did what"
          value={title}
          onChange={e => setTitle(e.target.value)}
          fullWidth
          required
          margin="normal"
          inputProps={{ maxLength: 200 }}
        />
        <Box display="flex" gridGap={16} flexWrap="wrap">
          <TextField
            select
            id="declare-severity"
            label="Severity"
            value={severity}
            onChange={e => setSeverity(e.target.value as IncidentSeverity)}
            margin="normal"
            style={{ minWidth: 120 }}
          >
            {INCIDENT_SEVERITIES.map(s => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            id="declare-cause"
            label="Cause, if known"
            value={cause}
            onChange={e => setCause(e.target.value as IncidentCause)}
            margin="normal"
            style={{ minWidth: 180 }}
          >
            {INCIDENT_CAUSES.map(c => (
              <MenuItem key={c} value={c}>
                {CAUSE_LABELS[c]}
              </MenuItem>
            ))}
          </TextField>
          <DateTimeField
            id="declare-started"
            label="Started"
            value={startedAt}
            onChange={setStartedAt}
          />
          <DateTimeField
            id="declare-detected"
            label="Detected"
            value={detectedAt}
            onChange={setDetectedAt}
          />
          <TextField
            id="declare-channel"
            label="Response channel"
            placeholder="#inc-…"
            value={channel}
            onChange={e => setChannel(e.target.value)}
            margin="normal"
          />
        </Box>
        <TextField
          id="declare-summary"
          label="What is known so far"
          value={summary}
          onChange={e => setSummary(e.target.value)}
          fullWidth
          multiline
          minRows={2}
          margin="normal"
        />
        <FormLabel component="legend" style={{ marginTop: 16 }}>
          Root cause: {entityTitle}. Affected, from what depends on it:
        </FormLabel>
        {impact.loading && <Progress />}
        {impact.error && (
          <Typography color="error">
            Could not read what depends on it: {impact.error.message}
          </Typography>
        )}
        {impact.value && impact.value.affected.length === 0 && (
          <Typography color="textSecondary">Nothing depends on it.</Typography>
        )}
        {impact.value?.truncated && (
          <Typography variant="caption" color="textSecondary">
            More depends on it than an incident can name: the nearest{' '}
            {impact.value.affected.length} are listed.
          </Typography>
        )}
        <FormGroup aria-label="Affected entities">
          {impact.value?.affected.map(c => (
            <FormControlLabel
              key={c.entityRef}
              control={
                <Checkbox
                  color="primary"
                  checked={!unchecked.has(c.entityRef)}
                  onChange={() => toggle(c.entityRef)}
                />
              }
              label={`${c.title}${c.owner ? ` (${c.owner})` : ''}`}
            />
          ))}
        </FormGroup>
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
          disabled={!title.trim() || submitting || impact.loading}
          onClick={declare}
        >
          Declare
        </Button>
      </DialogActions>
    </Dialog>
  );
}
