import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ReliabilityCall } from './reliabilityCaller';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

type DemoIncident = {
  daysAgo: number;
  status?: string;
  minutes: Partial<
    Record<'detected' | 'declared' | 'mitigated' | 'resolved', number>
  >;
  timeline: Array<{ minutes: number; kind: string; text: string }>;
  postmortem?: Record<string, unknown> & {
    actionItems: Array<Record<string, unknown> & { dueDays: number }>;
  };
  [field: string]: unknown;
};

/**
 * Loads the demo's past incidents from `file` (relative to the backend's directory), each
 * once: an incident whose title the portal has already is skipped, so a load cut short is
 * completed by the next try or start. Times are placed relative to today, so the history always
 * looks recent. Answers how many were loaded.
 */
export async function loadDemoIncidents(
  call: ReliabilityCall,
  file: string,
): Promise<number> {
  const { incidents } = JSON.parse(await readFile(resolve(file), 'utf8')) as {
    incidents: DemoIncident[];
  };
  // The demo's incidents are few: one page holds every one of them.
  const existing = await call('GET', '/incidents?limit=100');
  const loaded = new Set(
    existing.items.map((incident: { title: string }) => incident.title),
  );
  const missing = incidents.filter(demo => !loaded.has(demo.title));
  const now = Date.now();
  for (const demo of missing) {
    const { daysAgo, minutes, timeline, postmortem, status, ...fields } = demo;
    const start = now - daysAgo * DAY_MS;
    const at = (m?: number) =>
      m === undefined
        ? undefined
        : new Date(start + m * MINUTE_MS).toISOString();
    const incident = await call('POST', '/incidents', {
      ...fields,
      status:
        status ??
        (minutes.resolved === undefined ? 'investigating' : 'resolved'),
      startedAt: at(0),
      detectedAt: at(minutes.detected),
      declaredAt: at(minutes.declared),
      mitigatedAt: at(minutes.mitigated),
      resolvedAt: at(minutes.resolved),
    });
    for (const entry of timeline) {
      await call('POST', `/incidents/${incident.id}/timeline`, {
        at: at(entry.minutes),
        kind: entry.kind,
        text: entry.text,
      });
    }
    if (postmortem) {
      await call('PUT', `/incidents/${incident.id}/postmortem`, {
        ...postmortem,
        actionItems: postmortem.actionItems.map(({ dueDays, ...item }) => ({
          ...item,
          dueDate: new Date(now + dueDays * DAY_MS).toISOString().slice(0, 10),
        })),
      });
    }
  }
  return missing.length;
}
