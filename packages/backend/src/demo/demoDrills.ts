import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ReliabilityCall } from './reliabilityCaller';

const DAY_MS = 86_400_000;

type DemoDrill = {
  entityRef: string;
  runbookUrl: string;
  scenario: string;
  daysAgo: number;
  outcome: string;
  minutesToMitigate?: number;
  participants: string[];
  findings: string;
};

/**
 * Loads the demo's drills from `file` (relative to the backend's directory), each once: a
 * drill of the same runbook and scenario the entity has already is skipped. Dates are placed
 * relative to today when loaded (a portal keeps the dates of its first load). Answers how many were loaded.
 */
export async function loadDemoDrills(
  call: ReliabilityCall,
  file: string,
): Promise<number> {
  const { drills } = JSON.parse(await readFile(resolve(file), 'utf8')) as {
    drills: DemoDrill[];
  };
  const now = Date.now();
  let loaded = 0;
  for (const { daysAgo, ...drill } of drills) {
    const [kind, rest] = drill.entityRef.split(':');
    const [namespace, name] = rest.split('/');
    const { items } = await call(
      'GET',
      `/entities/${kind}/${namespace}/${name}/drills?limit=100`,
    );
    const known = items.some(
      (d: DemoDrill) =>
        d.runbookUrl === drill.runbookUrl && d.scenario === drill.scenario,
    );
    if (known) continue;
    await call('POST', '/runbooks/drills', {
      ...drill,
      performedAt: new Date(now - daysAgo * DAY_MS).toISOString(),
    });
    loaded += 1;
  }
  return loaded;
}
