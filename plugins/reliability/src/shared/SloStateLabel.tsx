import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import {
  ReleaseGateState,
  SloState,
} from '@reliability-suite/backstage-plugin-reliability-common';

const WORDS: Record<ReleaseGateState | SloState, string> = {
  pending: 'Pending',
  ok: 'OK',
  warning: 'Warning',
  freeze: 'Freeze',
  'no-data': 'No data',
  error: 'Error',
  'no-slos': 'No SLOs',
};

/** A verdict as an icon and a word, never colour alone; "stale" when the values are old. */
export function SloStateLabel(props: {
  state: ReleaseGateState | SloState;
  stale?: boolean;
}) {
  const { state, stale } = props;
  const text = `${WORDS[state]}${stale ? ' (stale)' : ''}`;
  switch (state) {
    case 'ok':
      return <StatusOK>{text}</StatusOK>;
    case 'warning':
      return <StatusWarning>{text}</StatusWarning>;
    case 'freeze':
    case 'error':
      return <StatusError>{text}</StatusError>;
    default:
      return <StatusPending>{text}</StatusPending>;
  }
}
