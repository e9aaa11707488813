/**
 * Two backend replicas on one PostgreSQL and one Prometheus, as a platform team runs them: SLOs
 * are evaluated once per cycle across both, what one replica takes the other shows within one
 * refresh, concurrent edits of one incident through both answer one 200 and one 409, and when
 * one replica dies mid-cycle the other carries the next cycles and nothing accepted is lost.
 * Frequencies and task timeouts are seconds here, so a dead replica's lock expires in seconds.
 *
 * Run: node --test test/replicas/replicas.test.ts (npm test runs it).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import {
  type BackendProcess,
  startBackendProcess,
} from '../../scripts/lib/backendProcess.ts';
import { startDemoPrometheus } from '../browser/backend.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const logDir = join(repoRoot, 'test-results', 'replicas');
const run = promisify(execFile);

const FREQUENCY_S = 3;
const TIMEOUT_S = 6;
const REFRESH_S = 2;
const TOKEN = randomBytes(24).toString('base64url');

const workDir = mkdtempSync(join(tmpdir(), 'reliability-replicas-'));
// Its own directory: the server runs as the postgres user, who cannot enter workDir.
const pgDir = mkdtempSync(join(tmpdir(), 'reliability-replicas-pg-'));
let connection = '';
let prometheus: { baseUrl: string; stop(): Promise<void> } | undefined;
const replicas: BackendProcess[] = [];

const postgres = (action: string) =>
  run('bash', [join(repoRoot, 'scripts/postgres.sh'), action, pgDir]).then(
    ({ stdout }) => stdout.trim(),
  );

/** Rows of `sql` in the reliability plugin's database, tab-separated. */
async function query(sql: string): Promise<string[][]> {
  const { stdout } = await run('psql', [
    `${connection}/backstage_plugin_reliability`,
    '-At',
    '-F',
    '\t',
    '-c',
    sql,
  ]);
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(line => line.split('\t'));
}

function startReplica(name: string) {
  return startBackendProcess({
    repoRoot,
    configFile: join(workDir, `app-config.${name}.yaml`),
    sqliteDirectory: join(workDir, 'unused-sqlite'),
    config: {
      backend: {
        database: { client: 'pg', connection },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: TOKEN, subject: 'replica-test' },
            },
          ],
        },
      },
      // Both replicas would load the demo's incidents at once: this test writes its own.
      demo: { incidentsFile: '', drillsFile: '' },
      reliability: {
        prometheus: { baseUrl: prometheus!.baseUrl },
        slo: {
          evaluation: {
            frequency: `${FREQUENCY_S}s`,
            timeout: `${TIMEOUT_S}s`,
          },
        },
        dependencies: { refreshFrequency: `${REFRESH_S}s` },
        catalog: { refreshFrequency: `${REFRESH_S}s` },
      },
    },
    logFile: join(logDir, `${name}.log`),
  });
}

async function call(
  replica: BackendProcess,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${replica.baseUrl}/api/reliability${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function waitFor<T>(
  what: string,
  seconds: number,
  probe: () => Promise<T | undefined>,
): Promise<{ value: T; afterMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return { value, afterMs: Date.now() - started };
    if (Date.now() - started > seconds * 1000) {
      throw new Error(`${what}: not within ${seconds} s`);
    }
    await new Promise(done => setTimeout(done, 200));
  }
}

const sleep = (seconds: number) =>
  new Promise(done => setTimeout(done, seconds * 1000));

/** Evaluation times of each SLO objective since `since`, oldest first. */
async function evaluations(since: Date): Promise<Map<string, number[]>> {
  const rows = await query(
    `select slo_ref || '#' || objective_index, extract(epoch from evaluated_at) * 1000
       from slo_snapshots where evaluated_at >= '${since.toISOString()}'
       order by evaluated_at`,
  );
  const bySlo = new Map<string, number[]>();
  for (const [slo, at] of rows) {
    bySlo.set(slo, [...(bySlo.get(slo) ?? []), Number(at)]);
  }
  return bySlo;
}

/** The shortest gap between two evaluations of one SLO objective. */
function closestEvaluations(bySlo: Map<string, number[]>): number {
  let closest = Infinity;
  for (const times of bySlo.values()) {
    for (let i = 1; i < times.length; i++) {
      closest = Math.min(closest, times[i] - times[i - 1]);
    }
  }
  return closest;
}

before(async () => {
  connection = await postgres('start');
  prometheus = await startDemoPrometheus(
    join(workDir, 'prometheus'),
    join(logDir, 'prometheus.log'),
  );
  // One after the other: the first runs the migrations.
  replicas.push(await startReplica('replica-a'));
  replicas.push(await startReplica('replica-b'));
  // Both have read the demo catalog's SLOs and evaluated them.
  for (const replica of replicas) {
    await waitFor('the demo SLOs', 120, async () => {
      const res = await call(
        replica,
        'GET',
        '/entities/component/default/payments-service/slos',
      );
      return res.status === 200 &&
        res.body.items.length > 0 &&
        res.body.items.every((i: any) => i.status.evaluatedAt)
        ? true
        : undefined;
    });
  }
});

after(async () => {
  for (const replica of replicas) await replica.stop().catch(() => {});
  await prometheus?.stop();
  await postgres('stop').catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
});

test('each SLO is evaluated once per cycle across both replicas', async () => {
  const since = new Date();
  await sleep(FREQUENCY_S * 5);
  const bySlo = await evaluations(since);
  assert.ok(bySlo.size > 0, 'SLOs were evaluated');
  const counts = [...bySlo.values()].map(times => times.length);
  // Five cycles went by: each objective once per cycle, not twice (one per replica).
  assert.ok(
    Math.max(...counts) <= 6,
    `at most 6 evaluations per objective in 5 cycles, got ${counts}`,
  );
  assert.ok(
    closestEvaluations(bySlo) >= (FREQUENCY_S * 1000) / 2,
    `no two evaluations of one objective within half a cycle (closest ${closestEvaluations(
      bySlo,
    )} ms)`,
  );
});

test('what one replica takes the other shows within one refresh', async () => {
  const [a, b] = replicas;
  const edge = {
    source: 'component:default/orders-service',
    target: 'resource:default/replica-cache',
    evidence: 'traffic',
    detail: 'replica test',
  };
  assert.equal(
    (await call(a, 'POST', '/observations', { edges: [edge] })).status,
    200,
  );
  const seen = await waitFor(
    'the observation on B',
    REFRESH_S * 3,
    async () => {
      const res = await call(
        b,
        'GET',
        '/entities/component/default/orders-service/dependencies',
      );
      return res.body.unknown?.some((e: any) => e.target === edge.target)
        ? true
        : undefined;
    },
  );
  console.log(`observation on A seen on B after ${seen.afterMs} ms`);
  assert.ok(seen.afterMs <= REFRESH_S * 2000 + 1000);

  const declared = await call(a, 'POST', '/incidents', {
    title: 'Replica test',
    severity: 'SEV3',
    status: 'investigating',
    cause: 'unknown',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    entities: [
      { entityRef: 'component:default/orders-service', role: 'root-cause' },
    ],
  });
  assert.equal(declared.status, 201, JSON.stringify(declared.body));
  const onB = await call(b, 'GET', `/incidents/${declared.body.id}`);
  assert.equal(onB.status, 200);
  assert.equal(onB.body.title, 'Replica test');

  const drill = await call(a, 'POST', '/runbooks/drills', {
    entityRef: 'component:default/payments-service',
    runbookUrl: 'https://runbooks.example.com/payments-service/rollback',
    scenario: 'Replica test drill',
    performedAt: new Date(Date.now() - 60_000).toISOString(),
    outcome: 'passed',
    minutesToMitigate: 5,
    participants: ['user:default/alice'],
    findings: '',
  });
  assert.equal(drill.status, 201, JSON.stringify(drill.body));
  const drills = await call(
    b,
    'GET',
    '/entities/component/default/payments-service/drills',
  );
  assert.ok(
    drills.body.items.some((d: any) => d.scenario === 'Replica test drill'),
  );
});

test('concurrent edits of one incident through both replicas answer one 200 and one 409', async () => {
  const [a, b] = replicas;
  const declared = await call(a, 'POST', '/incidents', {
    title: 'Edited twice',
    severity: 'SEV3',
    status: 'investigating',
    cause: 'unknown',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    entities: [
      { entityRef: 'component:default/orders-service', role: 'root-cause' },
    ],
  });
  const { id, version } = declared.body;
  const answers = await Promise.all(
    [a, b].map((replica, i) =>
      call(replica, 'PATCH', `/incidents/${id}`, {
        version,
        summary: `Edited through replica ${i}`,
      }),
    ),
  );
  assert.deepEqual(answers.map(r => r.status).sort(), [200, 409]);
  const stored = await call(b, 'GET', `/incidents/${id}`);
  assert.equal(stored.body.version, version + 1);
  assert.equal(
    stored.body.summary,
    answers.find(r => r.status === 200)!.body.summary,
  );
});

test('a replica killed mid-cycle loses nothing, and the other carries the next cycles', async () => {
  const [a, b] = replicas;
  const before = await query('select count(*) from incidents');
  // Mid-cycle: right after an evaluation started somewhere.
  const started = new Date();
  await waitFor('an evaluation', FREQUENCY_S * 3, async () =>
    (await evaluations(started)).size > 0 ? true : undefined,
  );
  process.kill(-a.pid, 'SIGKILL');
  const killedAt = new Date();

  // Once the dead replica's lock has expired, B evaluates every cycle.
  const carried = await waitFor(
    'an evaluation by the remaining replica',
    TIMEOUT_S + FREQUENCY_S * 4,
    async () => {
      const bySlo = await evaluations(new Date(killedAt.getTime() + 1000));
      return bySlo.size > 0 ? bySlo : undefined;
    },
  );
  console.log(
    `after the kill, the remaining replica evaluated within ${carried.afterMs} ms`,
  );
  await sleep(FREQUENCY_S * 3);
  const afterKill = await evaluations(new Date(killedAt.getTime() + 1000));
  assert.ok(
    Math.min(...[...afterKill.values()].map(t => t.length)) >= 2,
    'the remaining replica evaluates cycle after cycle',
  );
  assert.deepEqual(await query('select count(*) from incidents'), before);
  const list = await call(b, 'GET', '/incidents?limit=100');
  assert.ok(list.body.items.some((i: any) => i.title === 'Replica test'));
  assert.ok(list.body.items.some((i: any) => i.title === 'Edited twice'));
  replicas.splice(0, 1);
});
