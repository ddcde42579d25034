// CSV import of contacts end to end: a generated file uploaded over HTTP to a real API process (the built
// apps/api), the mapping it proposes started as an import, progress polled until the job has finished. Reports rows
// per second and the API process's resident memory (after boot, and its peak from the kernel's VmHWM) for each file
// size, to show that memory does not grow with the file. Issue 8 §3.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { freePort } from '../tools/testing/free-port';
import { round } from './support/measure';

const SIZES = (process.env.LOA_BENCH_IMPORT_ROWS ?? '10000,100000,300000').split(',').map(Number);
const ADMIN_URL = process.env.LOA_BENCH_DATABASE_ADMIN_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN = { email: 'bench@example.test', password: 'benchmark-password' };
const API_MAIN = join(__dirname, '..', 'apps', 'api', 'dist', 'main.js');
/** Optionally caps the API process's V8 old space: an import whose memory grew with the file would then fail. */
const MAX_OLD_SPACE_MIB = process.env.LOA_BENCH_IMPORT_MAX_OLD_SPACE_MIB;

interface Figures {
  rows: number;
  fileMiB: number;
  uploadSeconds: number;
  totalSeconds: number;
  rowsPerSecond: number;
  created: number;
  failed: number;
  rssAfterBootMiB: number;
  peakRssMiB: number;
  growthMiB: number;
  /** Peak resident size once the upload has been stored and previewed. */
  peakAfterUploadMiB: number;
  /** The largest resident size seen while each quarter of the rows was imported: flat when memory does not grow. */
  rssByQuarterMiB: number[];
}

/** A CSV of `rows` contacts with distinct valid mobile numbers, Vietnamese names, a city and a birthday. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('\uFEFFMã KH,Họ tên,Số điện thoại,Email,Thành phố,Ngày sinh,Điểm\n');
  const cities = ['Hà Nội', 'TP. Hồ Chí Minh', 'Đà Nẵng', 'Huế', 'Cần Thơ'];
  for (let index = 0; index < rows; index += 1) {
    const phone = `09${String(12_000_000 + index).padStart(8, '0')}`;
    const day = String((index % 28) + 1).padStart(2, '0');
    const month = String((index % 12) + 1).padStart(2, '0');
    await write(
      `KH${index},"Nguyễn Văn ${index}",${phone},khach${index}@example.vn,${cities[index % cities.length]},` +
        `${day}/${month}/19${70 + (index % 30)},${index % 100}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}

function memoryOf(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  return readFile(`/proc/${pid}/status`, 'utf8').then((status) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  });
}

async function startApi(
  databaseUrl: string,
  dataDir: string,
  onSpawn: (child: ChildProcess) => void,
): Promise<{ child: ChildProcess; url: string; headers: Record<string, string> }> {
  const port = await freePort();
  const heapCap = MAX_OLD_SPACE_MIB ? [`--max-old-space-size=${MAX_OLD_SPACE_MIB}`] : [];
  const child = spawn('node', [...heapCap, API_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOA_API_PORT: String(port),
      LOA_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      LOA_REDIS_PREFIX: `bench-import-${randomUUID().slice(0, 8)}`,
      LOA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOA_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      LOA_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      LOA_COOKIE_SECURE: 'false',
      LOA_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  onSpawn(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const headers = await signIn(url).catch(() => undefined);
    if (headers) return { child, url, headers };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the API process did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Signs the bootstrap admin in; the session cookie and CSRF header every later call carries. */
async function signIn(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('loa_session='));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookie?.split(';')[0] ?? '', 'x-csrf-token': csrfToken };
}

async function importOnce(rows: number, workDir: string): Promise<Figures> {
  const csvPath = join(workDir, `contacts-${rows}.csv`);
  await writeCsv(csvPath, rows);
  const fileBytes = (await stat(csvPath)).size;
  const databaseName = `loa_bench_import_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new PgClient({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${databaseName}` }).toString();
  let child: ChildProcess | undefined;
  try {
    const api = await startApi(databaseUrl, join(workDir, `data-${rows}`), (started) => (child = started));
    const { url, headers } = api;
    const pid = api.child.pid ?? 0;
    const rssAfterBootMiB = await memoryOf(pid, 'VmRSS');

    const started = performance.now();
    const form = new FormData();
    form.append('file', await openAsBlob(csvPath, { type: 'text/csv' }), 'contacts.csv');
    const upload = await fetch(`${url}/imports`, { method: 'POST', headers, body: form });
    if (upload.status !== 201) throw new Error(`upload answered ${upload.status}: ${await upload.text()}`);
    const preview = (await upload.json()) as { id: string; proposedMapping: unknown[] };
    const uploadSeconds = (performance.now() - started) / 1000;
    const peakAfterUploadMiB = round(await memoryOf(pid, 'VmHWM'), 0);
    const start = await fetch(`${url}/imports/${preview.id}/start`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ mapping: preview.proposedMapping, mode: 'both' }),
    });
    if (start.status !== 202) throw new Error(`start answered ${start.status}: ${await start.text()}`);
    let state: { status: string; progress: { rowsRead: number; created: number; failed: number } };
    const rssByQuarterMiB = [0, 0, 0, 0];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      state = (await (await fetch(`${url}/imports/${preview.id}`, { headers })).json()) as typeof state;
      const quarter = Math.min(3, Math.floor((4 * state.progress.rowsRead) / rows));
      rssByQuarterMiB[quarter] = Math.max(rssByQuarterMiB[quarter], round(await memoryOf(pid, 'VmRSS'), 0));
      if (state.status !== 'queued' && state.status !== 'running') break;
    }
    const totalSeconds = (performance.now() - started) / 1000;
    if (state.status !== 'completed') throw new Error(`the import ended ${state.status}`);
    const peakRssMiB = await memoryOf(pid, 'VmHWM');
    return {
      rows,
      fileMiB: round(fileBytes / 2 ** 20, 1),
      uploadSeconds: round(uploadSeconds, 1),
      totalSeconds: round(totalSeconds, 1),
      rowsPerSecond: round(rows / totalSeconds, 0),
      created: state.progress.created,
      failed: state.progress.failed,
      rssAfterBootMiB: round(rssAfterBootMiB, 0),
      peakRssMiB: round(peakRssMiB, 0),
      growthMiB: round(peakRssMiB - rssAfterBootMiB, 0),
      peakAfterUploadMiB,
      rssByQuarterMiB,
    };
  } finally {
    if (child && child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    await admin.query(`DROP DATABASE "${databaseName}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'loa-bench-import-'));
  try {
    const results: Figures[] = [];
    for (const rows of SIZES) {
      const figures = await importOnce(rows, workDir);
      results.push(figures);
      process.stdout.write(`${JSON.stringify(figures)}\n`);
    }
    const [smallest, largest] = [results[0], results[results.length - 1]];
    if (smallest && largest && largest !== smallest)
      process.stdout.write(
        `peak memory ratio ${largest.rows} rows / ${smallest.rows} rows: ` +
          `${round(largest.peakRssMiB / smallest.peakRssMiB, 2)} (file ${round(largest.rows / smallest.rows, 1)}× larger)\n`,
      );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
