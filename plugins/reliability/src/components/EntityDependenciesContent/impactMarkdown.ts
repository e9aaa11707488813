import { ImpactResponse } from '@reliability-suite/backstage-plugin-reliability-common';

/** The impact as Markdown, grouped by owner, to send to the owners before a change. */
export function impactMarkdown(impact: ImpactResponse, title: string): string {
  const lines = [
    `## Before you change ${title}`,
    '',
    `${impact.summary.entities} entities depend on it, owned by ${impact.summary.owners.length} teams; ${impact.summary.frozen} with their error budget spent.`,
    '',
  ];
  const byOwner = new Map<string, ImpactResponse['impacted']>();
  for (const item of impact.impacted) {
    const owner = item.owner?.title ?? 'No owner';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
  }
  for (const [owner, items] of byOwner) {
    lines.push(`### ${owner}`, '');
    for (const item of items) {
      const onCall = item.onCall?.length
        ? item.onCall.map(o => o.displayName).join(', ')
        : 'nobody on call';
      const budget =
        item.slo?.errorBudgetRemaining !== null &&
        item.slo?.errorBudgetRemaining !== undefined
          ? `, ${Math.round(
              item.slo.errorBudgetRemaining * 100,
            )}% budget left (${item.slo.state})`
          : '';
      lines.push(
        `- ${item.title} (${item.entityRef}), depth ${item.depth} via ${item.via}: on call ${onCall}${budget}`,
      );
    }
    lines.push('');
  }
  if (impact.truncated) {
    lines.push('_The list was cut at the configured maximum._', '');
  }
  return lines.join('\n');
}
