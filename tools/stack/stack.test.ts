import { apiRunsWorker, readPorts } from './config';
import { parseEnvText } from './env-file';
import { formatHealth } from './report';
import { SERVICE_NAMES, selectServices } from './services';
import { describeState } from './status';

describe('the local stack', () => {
  it('reads .env files: comments, export, quotes, trailing comments', () => {
    expect(
      parseEnvText(
        '# comment\nexport A=1\nB="two words"\nC=\'x # y\'\nD=plain # note\nE="line\\nbreak"\nnot a line\n',
      ),
    ).toEqual({ A: '1', B: 'two words', C: 'x # y', D: 'plain', E: 'line\nbreak' });
  });

  it('reads ports with defaults and rejects a bad one by name', () => {
    expect(readPorts({ LOA_API_PORT: '3100' })).toMatchObject({ api: 3100, temporal: 7233, builder: 5173 });
    expect(() => readPorts({ LOA_REDIS_PORT: '70000' })).toThrow(
      'LOA_REDIS_PORT must be a TCP port number, got "70000"',
    );
  });

  it('runs the worker in the API process with the embedded database only, as the API decides', () => {
    expect(apiRunsWorker({})).toBe(true);
    expect(apiRunsWorker({ DATABASE_URL: 'postgres://db/loa' })).toBe(false);
    expect(apiRunsWorker({ LOA_API_RUNS_WORKER: 'false' })).toBe(false);
    expect(apiRunsWorker({ DATABASE_URL: 'postgres://db/loa', LOA_API_RUNS_WORKER: 'true' })).toBe(true);
  });

  it('selects services from LOA_STACK_ONLY in start order and names unknown ones', () => {
    expect(SERVICE_NAMES).toEqual(['temporal', 'redis', 'sandbox', 'api', 'worker', 'builder']);
    expect(selectServices('builder, temporal').map((service) => service.name)).toEqual([
      'temporal',
      'builder',
    ]);
    expect(() => selectServices('redis,db')).toThrow('LOA_STACK_ONLY: unknown service(s) db');
  });

  it('summarises states and /health in one line each', () => {
    expect(describeState({ state: 'running', pgid: 42 })).toBe('running (pgid 42)');
    expect(describeState({ state: 'hosted' }, 'api')).toBe('running in the api process');
    expect(
      formatHealth({ status: 'down', checks: { redis: { status: 'down' }, worker: { status: 'up' } } }),
    ).toBe('down (redis down, worker up)');
    expect(formatHealth(null)).toBe('unknown');
  });
});
