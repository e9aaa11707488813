import { ImpactResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { countOf, formatBudgetLeft } from '../shared/format';
import { impactVerdict } from './impactVerdict';

/**
 * The impact as Markdown to send to the owners before a change: the verdict, every owner with
 * how many of its entities are affected (from the whole answer's summary), then the entities
 * loaded so far, nearest first, grouped by owner.
 */
export function impactMarkdown(impact: ImpactResponse, title: string): string {
  const lines = [
    `## Before you change ${title}`,
    '',
    impactVerdict(impact),
    '',
  ];
  const { owners, entities } = impact.summary;
  if (owners.length > 0) {
    lines.push('### Owners affected', '');
    for (const owner of owners) {
      lines.push(
        `- ${owner.ref}: ${countOf(owner.count, 'entity', 'entities')}`,
      );
    }
    lines.push('');
  }
  if (impact.impacted.length < entities) {
    lines.push(`### The nearest ${impact.impacted.length} of ${entities}`, '');
  }
  // Grouped by the owner's ref: two teams may share a title.
  const byOwner = new Map<string, ImpactResponse['impacted']>();
  for (const item of impact.impacted) {
    const owner = item.owner?.ref ?? '';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
  }
  for (const items of byOwner.values()) {
    lines.push(`#### ${items[0].owner?.title ?? 'No owner'}`, '');
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
