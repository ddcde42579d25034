import { Autosave, SaveConflict, type SaveStatus, type SavedDraft } from './autosave';

function setup() {
  const calls: Array<{
    revision: number;
    graph: string;
    resolve: (saved: SavedDraft) => void;
    reject: (error: unknown) => void;
  }> = [];
  const statuses: SaveStatus[] = [];
  let scheduled: (() => void) | undefined;
  const autosave = new Autosave<string>({
    revision: 1,
    savedAt: '2026-12-01T03:00:00Z',
    save: (revision, graph) =>
      new Promise<SavedDraft>((resolve, reject) => calls.push({ revision, graph, resolve, reject })),
    onStatus: (status) => statuses.push(status),
    onSaved: () => undefined,
    timers: { set: (run) => (scheduled = run), clear: () => (scheduled = undefined) },
  });
  const tick = () => scheduled?.();
  const answer = async (index: number, revision: number) => {
    calls[index]!.resolve({ revision, savedAt: `t${revision}`, diagnostics: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { autosave, calls, statuses, tick, answer };
}

describe('autosave', () => {
  it('saves once after a quiet moment, with the latest graph', async () => {
    const { autosave, calls, statuses, tick, answer } = setup();
    autosave.changed('a');
    autosave.changed('ab');
    expect(calls).toHaveLength(0);
    tick();
    expect(calls.map((call) => [call.revision, call.graph])).toEqual([[1, 'ab']]);
    await answer(0, 2);
    expect(statuses.at(-1)).toEqual({ kind: 'saved', at: 't2' });
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('never runs two saves at once; the next save starts from the revision the previous answered', async () => {
    const { autosave, calls, tick, answer } = setup();
    autosave.changed('a');
    tick();
    autosave.changed('ab');
    tick();
    expect(calls).toHaveLength(1);
    await answer(0, 2);
    expect(calls.map((call) => [call.revision, call.graph])).toEqual([
      [1, 'a'],
      [2, 'ab'],
    ]);
    await answer(1, 3);
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('stops on a conflict and reports who saved', async () => {
    const { autosave, calls, statuses, tick } = setup();
    autosave.changed('a');
    tick();
    const conflict = { currentRevision: 5, lastSavedBy: 'Lan', lastSavedAt: 'now' };
    calls[0]!.reject(new SaveConflict(conflict));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(statuses.at(-1)).toEqual({ kind: 'conflict', conflict });
    autosave.changed('b');
    tick();
    expect(calls).toHaveLength(1);
  });

  it('keeps the graph after a failure and saves it with the next change', async () => {
    const { autosave, calls, statuses, tick, answer } = setup();
    autosave.changed('a');
    tick();
    calls[0]!.reject(new Error('offline'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(statuses.at(-1)).toEqual({ kind: 'failed', detail: 'offline' });
    expect(autosave.hasUnsaved).toBe(true);
    void autosave.flush();
    expect(calls.map((call) => call.graph)).toEqual(['a', 'a']);
    await answer(1, 2);
    expect(statuses.at(-1)).toEqual({ kind: 'saved', at: 't2' });
  });

  it('flushes an edit made a moment ago at once, and resolves only when it is saved (submit, publish)', async () => {
    const { autosave, calls } = setup();
    autosave.changed('a');
    let result: string | undefined;
    void autosave.flush().then((outcome) => (result = outcome));
    expect(calls.map((call) => [call.revision, call.graph])).toEqual([[1, 'a']]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(result).toBeUndefined();
    calls[0]!.resolve({ revision: 2, savedAt: 't2', diagnostics: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(result).toBe('saved');
    expect(await autosave.flush()).toBe('saved');
  });

  it('tells a flush that the save failed or conflicted', async () => {
    const failing = setup();
    failing.autosave.changed('a');
    const failed = failing.autosave.flush();
    failing.calls[0]!.reject(new Error('offline'));
    expect(await failed).toBe('failed');

    const conflicting = setup();
    conflicting.autosave.changed('a');
    const conflicted = conflicting.autosave.flush();
    conflicting.calls[0]!.reject(
      new SaveConflict({ currentRevision: 5, lastSavedBy: 'Lan', lastSavedAt: 'now' }),
    );
    expect(await conflicted).toBe('conflict');
    expect(await conflicting.autosave.flush()).toBe('conflict');
  });
});
