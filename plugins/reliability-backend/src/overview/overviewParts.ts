import {
  Incident,
  IncidentSummary,
  OverviewPart,
} from '@reliability-suite/backstage-plugin-reliability-common';

/**
 * Computes one part of an answer made of parts: a failure of its source makes that part
 * `unavailable`, with `empty` as its contents and the failure as the reason, and leaves the
 * others as they are.
 */
export async function settlePart<P extends OverviewPart<object>>(
  source: string,
  empty: Omit<P, 'state' | 'reason'>,
  compute: () => Promise<P>,
): Promise<P> {
  try {
    return await compute();
  } catch (error) {
    return {
      state: 'unavailable',
      reason: `${source} is unavailable: ${
        error instanceof Error ? error.message : String(error)
      }`,
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
