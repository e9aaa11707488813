import {
  DrillSummary,
  RunbookItem,
} from '@reliability-suite/backstage-plugin-reliability-common';

const DAY_MS = 86_400_000;

const day = (iso: string) => iso.slice(0, 10);

/**
 * Whether a runbook can be relied on: fresh when its latest drill passed at or after `now`
 * minus `freshnessDays`; never drilled, failed, partial or older is not, with the reason.
 */
export function assessFreshness(
  lastDrill: DrillSummary | null,
  now: Date,
  freshnessDays: number,
): Pick<RunbookItem, 'fresh' | 'reason'> {
  if (!lastDrill) {
    return { fresh: false, reason: 'Never drilled: do not rely on it yet' };
  }
  const when = day(lastDrill.performedAt);
  if (lastDrill.outcome === 'failed') {
    return {
      fresh: false,
      reason: `The last drill, on ${when}, failed: fix the runbook and drill it again`,
    };
  }
  if (lastDrill.outcome === 'partial') {
    return {
      fresh: false,
      reason: `The last drill, on ${when}, only partly worked: fix the runbook and drill it again`,
    };
  }
  const cutoff = now.getTime() - freshnessDays * DAY_MS;
  if (Date.parse(lastDrill.performedAt) < cutoff) {
    return {
      fresh: false,
      reason: `Last drilled on ${when}, more than ${freshnessDays} days ago: drill it again`,
    };
  }
  return { fresh: true, reason: `The drill on ${when} passed` };
}
