import { ImpactResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { formatBudgetLeft } from '../shared/format';
import { impactVerdict } from './impactVerdict';

/** The impact as Markdown, grouped by owner, to send to the owners before a change. */
export function impactMarkdown(impact: ImpactResponse, title: string): string {
  const lines = [
    `## Before you change ${title}`,
    '',
    impactVerdict(impact),
    '',
  ];
  // Grouped by the owner's ref: two teams may share a title.
  const byOwner = new Map<string, ImpactResponse['impacted']>();
  for (const item of impact.impacted) {
    const owner = item.owner?.ref ?? '';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
  }
  for (const items of byOwner.values()) {
    lines.push(`### ${items[0].owner?.title ?? 'No owner'}`, '');
    for (const item of items) {
      const onCall = item.onCall?.length
        ? `on call ${item.onCall.map(o => o.displayName).join(', ')}`
        : 'nobody on call';
      const budget =
        item.slo?.errorBudgetRemaining !== null &&
        item.slo?.errorBudgetRemaining !== undefined
          ? `, budget ${formatBudgetLeft(item.slo.errorBudgetRemaining)} (${
              item.slo.state
            })`
          : '';
      lines.push(
        `- ${item.title} (${item.entityRef}), depth ${item.depth} via ${item.via}: ${onCall}${budget}`,
      );
    }
    lines.push('');
  }
  if (impact.truncated) {
    lines.push('_The list was cut at the configured maximum._', '');
  }
  return lines.join('\n');
}
