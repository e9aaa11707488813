import { ChangeRiskReport } from './overview';

const RISK_WORDS: Record<ChangeRiskReport['risk'], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

const GATE_WORDS: Record<ChangeRiskReport['releaseGate'], string> = {
  ok: 'OK',
  warning: 'warning, budget running low',
  freeze: 'freeze, budget spent',
  'no-data': 'no data',
  error: 'error',
  'no-slos': 'no SLOs',
};

const more = (shown: number, total: number) =>
  total > shown ? [`- … and ${total - shown} more`] : [];

/**
 * The notice to send the owners of everything a change reaches, in advance, as Markdown: the
 * verdict and why, whom it reaches, and what is already fragile. `title` names the entity.
 */
export function changeRiskNotice(
  report: ChangeRiskReport,
  options: { title?: string; change?: string } = {},
): string {
  const title = options.title ?? report.entityRef;
  const lines = [
    `## Planned change to ${title}`,
    '',
    ...(options.change ? [options.change, ''] : []),
    `**Change risk: ${RISK_WORDS[report.risk]}** (release gate: ${
      GATE_WORDS[report.releaseGate]
    })`,
    '',
    ...report.reasons.map(reason => `- ${reason}`),
    '',
    `It reaches ${report.impacted.entities} ${
      report.impacted.entities === 1 ? 'entity' : 'entities'
    } downstream${
      report.impacted.truncated ? ' (at least; the count was cut)' : ''
    }. Owners to tell:`,
    '',
    ...report.notify.map(n => {
      const onCall =
        n.onCall.length > 0
          ? `on call ${n.onCall.map(o => o.displayName).join(', ')}`
          : 'nobody on call';
      return `- ${n.ownerTitle} (\`${n.owner}\`): ${onCall}${
        n.channel ? `, ${n.channel}` : ''
      }`;
    }),
    ...more(report.notify.length, report.counts.notify),
  ];
  const section = (heading: string, items: string[], total: number) =>
    items.length === 0
      ? []
      : [
          '',
          `### ${heading}`,
          '',
          ...items.map(item => `- ${item}`),
          ...more(items.length, total),
        ];
  lines.push(
    ...section(
      'Depend on it without declaring it',
      report.hiddenDependents.map(ref => `\`${ref}\``),
      report.counts.hiddenDependents,
    ),
    ...section(
      'Error budget spent',
      report.frozen.map(ref => `\`${ref}\``),
      report.counts.frozen,
    ),
    ...section(
      'Open incidents',
      report.openIncidents.map(id => `Incident ${id}`),
      report.counts.openIncidents,
    ),
    ...section(
      'Runbooks not proven by a recent drill',
      report.staleRunbooks,
      report.counts.staleRunbooks,
    ),
  );
  return `${lines.join('\n')}\n`;
}
