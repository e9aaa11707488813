import { DrillOutcome } from '@reliability-suite/backstage-plugin-reliability-common';

export const OUTCOME_LABELS: Record<DrillOutcome, string> = {
  passed: 'Passed',
  failed: 'Failed',
  partial: 'Partly worked',
};

/** "14 min to mitigate in the drill, 25 min (median) in real incidents". */
export function mitigationComparison(
  drillMinutes: number | null,
  incidentMinutes: number | null,
): string | undefined {
  if (drillMinutes === null) return undefined;
  const drill = `${Math.round(drillMinutes)} min to mitigate in the drill`;
  return incidentMinutes === null
    ? drill
    : `${drill}, ${Math.round(incidentMinutes)} min (median) in real incidents`;
}
