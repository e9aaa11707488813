import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { CounterSeries, renderOpenMetrics, SampleGrid } from './counterSeries';

const PROMETHEUS = '/usr/bin/prometheus';
const PROMTOOL = '/usr/bin/promtool';

export type RunningPrometheus = {
  baseUrl: string;
  port: number;
  stop(): Promise<void>;
};

/** Fails with the package to install when Debian's Prometheus is missing. */
export function assertPrometheusInstalled(): void {
  if (!existsSync(PROMETHEUS) || !existsSync(PROMTOOL)) {
    throw new Error(
      'Prometheus is not installed: run `apt-get install -y prometheus` (npm test installs it under CI=true)',
    );
  }
}

/** Writes counters as OpenMetrics and turns them into TSDB blocks in `dataDir`. */
export async function backfill(options: {
  dataDir: string;
  series: CounterSeries[];
  grid: SampleGrid;
}): Promise<void> {
  assertPrometheusInstalled();
  await mkdir(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'backfill.om');
  await pipeline(
    Readable.from(renderOpenMetrics(options.series, options.grid)),
    createWriteStream(file),
  );
  await promisify(execFile)(
    PROMTOOL,
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--max-block-duration=24h',
      file,
      join(options.dataDir, 'tsdb'),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}

/** Serves the TSDB in `dataDir` on a free loopback port (or `port`), scraping nothing. */
export async function startPrometheus(options: {
  dataDir: string;
  port?: number;
}): Promise<RunningPrometheus> {
  assertPrometheusInstalled();
  const port = options.port ?? (await freePort());
  const configFile = join(options.dataDir, 'prometheus.yml');
  await writeFile(configFile, 'global: {}\nscrape_configs: []\n');
  const child: ChildProcess = spawn(
    PROMETHEUS,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(options.dataDir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=400d',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', data => {
    output = (output + data).slice(-4000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Prometheus exited (${child.exitCode}): ${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/-/ready`);
      if (res.ok) {
        return { baseUrl, port, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`Prometheus did not become ready within 60 s: ${output}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
