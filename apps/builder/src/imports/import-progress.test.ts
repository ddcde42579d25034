import { runPercent, stepOf } from './import-progress';

const counts = (rowsRead: number) => ({
  rowsRead,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
});

describe('runPercent', () => {
  it('is the share of the dry run rows read so far, rounded down and at most 100', () => {
    expect(runPercent({ status: 'running', progress: counts(500) }, 1000)).toBe(50);
    expect(runPercent({ status: 'running', progress: counts(999) }, 1000)).toBe(99);
    expect(runPercent({ status: 'running', progress: counts(1200) }, 1000)).toBe(100);
  });

  it('is 100 once completed and unknown without a total', () => {
    expect(runPercent({ status: 'completed', progress: counts(3) }, undefined)).toBe(100);
    expect(runPercent({ status: 'running', progress: counts(3) }, undefined)).toBeUndefined();
    expect(runPercent({ status: 'queued', progress: counts(0) }, 0)).toBeUndefined();
  });
});

describe('stepOf', () => {
  it('follows the import from upload to summary', () => {
    expect(stepOf(undefined, false)).toBe('upload');
    expect(stepOf({ status: 'uploaded', dryRun: false }, false)).toBe('mapping');
    expect(stepOf({ status: 'running', dryRun: true }, false)).toBe('dryRun');
    expect(stepOf({ status: 'completed', dryRun: true }, false)).toBe('dryRun');
    expect(stepOf({ status: 'completed', dryRun: true }, true)).toBe('mapping');
    expect(stepOf({ status: 'queued', dryRun: false }, false)).toBe('run');
    expect(stepOf({ status: 'running', dryRun: false }, false)).toBe('run');
    expect(stepOf({ status: 'cancelled', dryRun: false }, false)).toBe('summary');
    expect(stepOf({ status: 'completed', dryRun: false }, false)).toBe('summary');
  });
});
