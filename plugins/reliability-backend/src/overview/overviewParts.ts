import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Incident,
  IncidentSummary,
  OverviewPart,
} from '@reliability-suite/backstage-plugin-reliability-common';

/**
 * Computes one part of an answer made of parts: a failure of its source makes that part
 * `unavailable`, with `empty` as its contents and the source named as the reason, and leaves the
 * others as they are. The failure itself goes to the log: it may hold what callers should not
 * read (a query, a host name).
 */
export async function settlePart<P extends OverviewPart<object>>(
  logger: LoggerService,
  source: string,
  empty: Omit<P, 'state' | 'reason'>,
  compute: () => Promise<P>,
): Promise<P> {
  try {
    return await compute();
  } catch (error) {
    logger.warn(`${source} failed for an overview: ${error}`);
    return {
      state: 'unavailable',
      reason: `${source} is unavailable right now`,
      ...empty,
    } as P;
  }
}

export function summarizeIncident(incident: Incident): IncidentSummary {
  const { id, title, severity, status, startedAt, resolvedAt, channel } =
    incident;
  return { id, title, severity, status, startedAt, resolvedAt, channel };
}

/** Open incidents by each entity they involve. */
export function incidentsByEntity(
  incidents: Incident[],
): Map<string, Incident[]> {
  const byEntity = new Map<string, Incident[]>();
  for (const incident of incidents) {
    for (const { entityRef } of incident.entities) {
      byEntity.set(entityRef, [...(byEntity.get(entityRef) ?? []), incident]);
    }
  }
  return byEntity;
}
