import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, MenuItem, TextField, Typography } from '@material-ui/core';
import {
  INCIDENT_STATUSES,
  Incident,
  IncidentStatus,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../api';
import { formatLocal } from '../shared/formatTime';
import {
  CAUSE_LABELS,
  MITIGATION_LABELS,
  STATUS_LABELS,
  durationText,
} from './incidentWords';

const MINUTE_MS = 60_000;

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Box display="flex" gridGap={8} py={0.25}>
      <Typography
        component="dt"
        variant="body2"
        color="textSecondary"
        style={{ minWidth: 140 }}
      >
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" style={{ margin: 0 }}>
        {props.children}
      </Typography>
    </Box>
  );
}

/** A time, and how long after the start it came. */
function timeAfterStart(incident: Incident, value: string | null) {
  if (!value) return 'not yet';
  const minutes =
    (Date.parse(value) - Date.parse(incident.startedAt)) / MINUTE_MS;
  return `${formatLocal(value)} (${durationText(minutes)} after the start)`;
}

/**
 * The incident's facts, and its status, which its editors change here: a change another
 * editor made first is reported, never overwritten.
 */
export function IncidentFacts(props: {
  incident: Incident;
  onChanged: (incident: Incident) => void;
}) {
  const api = useApi(reliabilityApiRef);
  const { incident } = props;
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  async function setStatus(status: IncidentStatus) {
    setSaving(true);
    setError(undefined);
    try {
      props.onChanged(
        await api.updateIncident(incident.id, {
          version: incident.version,
          status,
          ...(status === 'monitoring' && !incident.mitigatedAt
            ? { mitigatedAt: new Date().toISOString() }
            : {}),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Box>
      <TextField
        select
        id="incident-status"
        label="Status"
        value={incident.status}
        disabled={saving}
        onChange={e => setStatus(e.target.value as IncidentStatus)}
        style={{ minWidth: 200 }}
        helperText="Monitoring marks it mitigated now if it is not yet"
      >
        {INCIDENT_STATUSES.map(status => (
          <MenuItem key={status} value={status}>
            {STATUS_LABELS[status]}
          </MenuItem>
        ))}
      </TextField>
      {error && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
      <dl>
        <Fact label="Started">{formatLocal(incident.startedAt)}</Fact>
        <Fact label="Detected">
          {timeAfterStart(incident, incident.detectedAt)}
        </Fact>
        <Fact label="Declared">
          {timeAfterStart(incident, incident.declaredAt)}
        </Fact>
        <Fact label="Mitigated">
          {timeAfterStart(incident, incident.mitigatedAt)}
          {incident.mitigation &&
            `, by ${MITIGATION_LABELS[incident.mitigation].toLocaleLowerCase(
              'en-US',
            )}`}
        </Fact>
        <Fact label="Resolved">
          {timeAfterStart(incident, incident.resolvedAt)}
        </Fact>
        <Fact label="Cause">{CAUSE_LABELS[incident.cause]}</Fact>
        <Fact label="Commander">
          {incident.commander ? (
            <EntityRefLink entityRef={incident.commander} />
          ) : (
            'none named'
          )}
        </Fact>
        <Fact label="Channel">{incident.channel ?? 'none given'}</Fact>
        <Fact label="Root cause">
          {incident.entities
            .filter(e => e.role === 'root-cause')
            .map((e, i) => (
              <span key={e.entityRef}>
                {i > 0 && ', '}
                <EntityRefLink entityRef={e.entityRef} />
              </span>
            ))}
          {incident.entities.every(e => e.role !== 'root-cause') &&
            'not known yet'}
        </Fact>
        <Fact label="Affected">
          {incident.entities
            .filter(e => e.role === 'affected')
            .map((e, i) => (
              <span key={e.entityRef}>
                {i > 0 && ', '}
                <EntityRefLink entityRef={e.entityRef} />
              </span>
            ))}
          {incident.entities.every(e => e.role !== 'affected') && 'none named'}
        </Fact>
        {incident.externalRefs.map(ref => (
          <Fact key={`${ref.system}/${ref.id}`} label={`In ${ref.system}`}>
            {ref.url ? <Link to={ref.url}>{ref.id}</Link> : ref.id}
          </Fact>
        ))}
      </dl>
      {incident.summary && (
        <Typography paragraph style={{ whiteSpace: 'pre-wrap' }}>
          {incident.summary}
        </Typography>
      )}
      {incident.impact && (
        <Typography paragraph style={{ whiteSpace: 'pre-wrap' }}>
          Impact: {incident.impact}
        </Typography>
      )}
    </Box>
  );
}
