import {
  ChangeRiskReport,
  changeRiskNotice,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { Connection, getJson } from '../client';

const RISK_WORDS = { low: 'LOW', medium: 'MEDIUM', high: 'HIGH' } as const;

/** Whether the pipeline should stop: the release gate says freeze, or the risk is high. */
export function blocks(report: ChangeRiskReport): boolean {
  return report.releaseGate === 'freeze' || report.risk === 'high';
}

/** The report as a CI log reads it: the verdict first, then why and whom to tell. */
export function formatReport(report: ChangeRiskReport): string {
  const list = (heading: string, items: string[], total: number) =>
    items.length === 0
      ? []
      : [
          `${heading} (${total}):`,
          ...items.map(item => `  - ${item}`),
          ...(total > items.length
            ? [`  - … and ${total - items.length} more`]
            : []),
        ];
  const { impacted } = report;
  return [
    `Change risk for ${report.entityRef}: ${RISK_WORDS[report.risk]}`,
    `Release gate: ${report.releaseGate}`,
    'Why:',
    ...report.reasons.map(reason => `  - ${reason}`),
    `Blast radius: ${impacted.entities} ${
      impacted.entities === 1 ? 'entity' : 'entities'
    } downstream${impacted.truncated ? ' (at least)' : ''}, ${
      report.counts.notify
    } ${report.counts.notify === 1 ? 'owner' : 'owners'} to tell`,
    ...list(
      'Tell before the change',
      report.notify.map(n =>
        [
          `${n.ownerTitle} (${n.owner})`,
          n.onCall.length > 0
            ? `on call ${n.onCall.map(o => o.displayName).join(', ')}`
            : 'nobody on call',
          ...(n.channel ? [n.channel] : []),
        ].join(': '),
      ),
      report.counts.notify,
    ),
    ...list(
      'Hidden dependents',
      report.hiddenDependents,
      report.counts.hiddenDependents,
    ),
    ...list('Error budget spent', report.frozen, report.counts.frozen),
    ...list(
      'Open incidents',
      report.openIncidents.map(id => `incident ${id}`),
      report.counts.openIncidents,
    ),
    ...list(
      'Runbooks without a recent passing drill',
      report.staleRunbooks,
      report.counts.staleRunbooks,
    ),
    blocks(report)
      ? "Verdict: stop. Resolve the reasons above, or get the owners' agreement, before releasing."
      : 'Verdict: go. Tell the owners above before releasing.',
  ].join('\n');
}

/** `reliability gate <entityRef>`: exits 1 on freeze or high risk, 0 otherwise. */
export async function gate(
  connection: Connection,
  entityRef: string,
  output: 'text' | 'json' | 'markdown',
  print: (text: string) => void,
): Promise<number> {
  const report = await getJson<ChangeRiskReport>(connection, '/change-risk', {
    entityRef,
  });
  if (output === 'json') print(JSON.stringify(report, null, 2));
  else if (output === 'markdown') print(changeRiskNotice(report).trimEnd());
  else print(formatReport(report));
  return blocks(report) ? 1 : 0;
}
