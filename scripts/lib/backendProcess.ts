import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

// Erasable TypeScript only, and neither `__dirname` nor `import.meta`: the browser tests load
// this file as an ES module with Node's type stripping, the benchmarks as CommonJS.

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? done(address.port)
          : fail(new Error('no port')),
      );
    });
  });
}

export type BackendProcess = {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
};

/**
 * Starts the project's backend as `backstage-cli package start` runs it (Node with Backstage's
 * TypeScript loader, NODE_ENV=development unless `production` is set), but without its file
 * watcher, which would restart the backend under a test when a source file changes. It listens
 * on a free port with its SQLite databases in `sqliteDirectory`; `config` (written to
 * `configFile`) is layered on app-config.yaml, its `backend` keys merged into those. Output goes
 * to `logFile`; resolves once the reliability plugin answers its health check.
 */
export async function startBackendProcess(options: {
  repoRoot: string;
  configFile: string;
  sqliteDirectory: string;
  config: { backend?: object } & Record<string, unknown>;
  logFile: string;
  timeoutMs?: number;
  /** As deployed: compact JSON responses and JSON logs instead of development's pretty ones. */
  production?: boolean;
}): Promise<BackendProcess> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  writeFileSync(
    options.configFile,
    JSON.stringify({
      ...options.config,
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port },
        cors: { origin: baseUrl },
        database: {
          client: 'better-sqlite3',
          connection: { directory: options.sqliteDirectory },
        },
        ...options.config.backend,
      },
    }),
  );
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      options.configFile,
    ],
    {
      cwd: join(options.repoRoot, 'packages/backend'),
      env: {
        ...process.env,
        NODE_ENV: options.production ? 'production' : 'development',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise(done => child.once('exit', done));
    }
  };

  const timeoutMs = options.timeoutMs ?? 180_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `The backend exited with code ${child.exitCode}; see ${options.logFile}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/api/reliability/health`);
      if (res.ok) {
        return { baseUrl, pid: child.pid!, stop };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `The backend did not answer /api/reliability/health within ${
          timeoutMs / 1000
        } s; see ${options.logFile}`,
      );
    }
    await new Promise(done => setTimeout(done, 1000));
  }
}
