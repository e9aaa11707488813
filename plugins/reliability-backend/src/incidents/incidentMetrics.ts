import {
  INCIDENT_CAUSES,
  INCIDENT_SEVERITIES,
  IncidentCause,
  IncidentMetrics,
  IncidentSeverity,
  incidentDurationStats,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { IncidentMeasure } from './IncidentStore';

const DAY_MS = 86_400_000;

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map(key => [key, 0])) as Record<K, number>;

/**
 * Counts, times to detect/acknowledge/mitigate/resolve, open action items, and the resolved
 * SEV1/SEV2 incidents more than `postmortemDueDays` past resolution without a postmortem.
 */
export function computeIncidentMetrics(
  incidents: IncidentMeasure[],
  options: { now: Date; postmortemDueDays: number },
): IncidentMetrics {
  const bySeverity = zeroes<IncidentSeverity>(INCIDENT_SEVERITIES);
  const byCause = zeroes<IncidentCause>(INCIDENT_CAUSES);
  let openActionItems = 0;
  let postmortemsMissing = 0;
  const dueBefore = options.now.getTime() - options.postmortemDueDays * DAY_MS;
  for (const incident of incidents) {
    bySeverity[incident.severity] += 1;
    byCause[incident.cause] += 1;
    openActionItems += incident.openActionItems;
    if (
      (incident.severity === 'SEV1' || incident.severity === 'SEV2') &&
      incident.status === 'resolved' &&
      !incident.hasPostmortem &&
      incident.resolvedAt !== null &&
      Date.parse(incident.resolvedAt) < dueBefore
    ) {
      postmortemsMissing += 1;
    }
  }
  return {
    count: incidents.length,
    bySeverity,
    byCause,
    mttd: incidentDurationStats(incidents, 'mttd'),
    mtta: incidentDurationStats(incidents, 'mtta'),
    mttm: incidentDurationStats(incidents, 'mttm'),
    mttr: incidentDurationStats(incidents, 'mttr'),
    openActionItems,
    postmortemsMissing,
  };
}
