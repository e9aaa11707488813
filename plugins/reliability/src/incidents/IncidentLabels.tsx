import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import {
  Incident,
  IncidentStatus,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { STATUS_LABELS } from './incidentWords';

/** The status with Backstage's status icon: open in red or amber, resolved in green. */
export function IncidentStatusLabel(props: { status: IncidentStatus }) {
  const text = STATUS_LABELS[props.status];
  switch (props.status) {
    case 'investigating':
      return <StatusError>{text}</StatusError>;
    case 'identified':
      return <StatusWarning>{text}</StatusWarning>;
    case 'monitoring':
      return <StatusPending>{text}</StatusPending>;
    default:
      return <StatusOK>{text}</StatusOK>;
  }
}

/** "SEV1" with its weight in words for a screen reader and on hover. */
export function SeverityLabel(props: { severity: Incident['severity'] }) {
  const words: Record<Incident['severity'], string> = {
    SEV1: 'critical',
    SEV2: 'major',
    SEV3: 'minor',
    SEV4: 'low',
  };
  return (
    <abbr title={`${props.severity}: ${words[props.severity]}`}>
      <strong>{props.severity}</strong>
    </abbr>
  );
}
