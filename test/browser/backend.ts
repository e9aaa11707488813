import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  freePort,
  startBackendProcess,
} from '../../scripts/lib/backendProcess.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const artifactsDir = join(repoRoot, 'test-results', 'browser');

export type RunningBackend = {
  /** Where the portal is; a restart moves it to another free port. */
  readonly baseUrl: string;
  /** Stops the backend and starts it again on the same databases. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The demo's Prometheus (scripts/demo-prometheus.ts) on a free port, data in `dataDir`, its
 * output in `logFile`.
 */
export async function startDemoPrometheus(
  dataDir: string,
  logFile = join(artifactsDir, 'prometheus.log'),
): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(
    'node',
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'scripts/demo-prometheus.ts',
      dataDir,
      String(port),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise(done => child.once('exit', done));
    }
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The demo Prometheus exited with code ${child.exitCode}; see ${logFile}`,
      );
    }
    try {
      if ((await fetch(`${baseUrl}/-/ready`)).ok) {
        return { baseUrl, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise(done => setTimeout(done, 500));
  }
  await stop();
  throw new Error('The demo Prometheus did not become ready within 2 minutes');
}

/**
 * Starts the demo backend the standard way (`yarn workspace backend start` with a config layered
 * on app-config.yaml), serving the built app on a free port with a fresh SQLite directory.
 */
export async function startBackend(): Promise<RunningBackend> {
  const workDir = mkdtempSync(join(tmpdir(), 'reliability-browser-'));
  const prometheus = await startDemoPrometheus(join(workDir, 'prometheus'));
  const start = (log: string) =>
    startBackendProcess({
      repoRoot,
      configFile: join(workDir, 'app-config.browser.yaml'),
      sqliteDirectory: join(workDir, 'sqlite'),
      config: {
        reliability: {
          prometheus: { baseUrl: prometheus.baseUrl },
          // Evaluate soon after the catalog has loaded the demo's SLOs.
          slo: { evaluation: { frequency: '5s' } },
        },
      },
      logFile: join(artifactsDir, log),
    });
  try {
    let backend = await start('backend.log');
    return {
      get baseUrl() {
        return backend.baseUrl;
      },
      async restart() {
        await backend.stop();
        backend = await start('backend-restarted.log');
      },
      async stop() {
        await backend.stop();
        await prometheus.stop();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await prometheus.stop();
    throw error;
  }
}
