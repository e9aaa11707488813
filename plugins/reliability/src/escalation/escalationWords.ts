import { NextEscalation } from '@reliability-suite/backstage-plugin-reliability-common';
import { countOf } from '../shared/format';

/**
 * Whom to escalate to next and after how long, saying which levels were passed over because
 * they reach only the people already paged: "SRE after 30 minutes (level 2 reaches only the
 * people already paged)".
 */
export function nextLevelText({ next, skippedLevels }: NextEscalation): string {
  const skipped =
    skippedLevels.length === 0
      ? ''
      : `${skippedLevels.map(level => `level ${level}`).join(' and ')} ${
          skippedLevels.length === 1 ? 'reaches' : 'reach'
        } only the people already paged`;
  if (!next) {
    return skipped ? `No one else: ${skipped}` : 'No further level';
  }
  const after =
    next.delayMinutes > 0
      ? `after ${countOf(next.delayMinutes, 'minute')}`
      : 'at once';
  return `${next.targets.join(', ')} ${after}${skipped ? ` (${skipped})` : ''}`;
}
