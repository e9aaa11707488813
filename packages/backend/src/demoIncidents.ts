import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// The catalog reads the demo's entities in the first seconds after start; until it has them,
// a declaration naming them is refused, and the load is tried again.
const RETRY_MS = 5_000;
const GIVE_UP_MS = 5 * 60_000;

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
 * Loads the demo's past incidents (`demo.incidentsFile`, relative to the backend's directory)
 * through the reliability API, as this backend's own service, each once: an incident whose
 * title the portal has already is skipped, so a load cut short is completed by the next try or
 * start. Times are placed relative to today, so the history always looks recent.
 */
export default createBackendModule({
  pluginId: 'reliability',
  moduleId: 'demo-incidents',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        lifecycle: coreServices.rootLifecycle,
        logger: coreServices.logger,
      },
      async init({ auth, config, discovery, lifecycle, logger }) {
        const file = config.getOptionalString('demo.incidentsFile');
        if (!file) return;

        async function call(method: string, path: string, body?: unknown) {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'reliability',
          });
          const response = await fetch(
            `${await discovery.getBaseUrl('reliability')}${path}`,
            {
              method,
              headers: {
                Authorization: `Bearer ${token}`,
                'Content-Type': 'application/json',
              },
              body: body === undefined ? undefined : JSON.stringify(body),
            },
          );
          if (!response.ok) {
            throw new Error(
              `${method} ${path}: ${response.status} ${await response.text()}`,
            );
          }
          return response.json();
        }

        async function load(): Promise<number> {
          const { incidents } = JSON.parse(
            await readFile(resolve(file!), 'utf8'),
          ) as {
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
            const {
              daysAgo,
              minutes,
              timeline,
              postmortem,
              status,
              ...fields
            } = demo;
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
                actionItems: postmortem.actionItems.map(
                  ({ dueDays, ...item }) => ({
                    ...item,
                    dueDate: new Date(now + dueDays * DAY_MS)
                      .toISOString()
                      .slice(0, 10),
                  }),
                ),
              });
            }
          }
          return missing.length;
        }

        lifecycle.addStartupHook(() => {
          const deadline = Date.now() + GIVE_UP_MS;
          const attempt = async () => {
            try {
              const loaded = await load();
              if (loaded > 0)
                logger.info(`Loaded ${loaded} demo incidents from ${file}`);
            } catch (error) {
              if (Date.now() < deadline) {
                setTimeout(attempt, RETRY_MS).unref();
              } else {
                logger.warn(`Could not load the demo incidents: ${error}`);
              }
            }
          };
          attempt();
        });
      },
    });
  },
});
