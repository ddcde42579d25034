import type { Draft } from './editor-queries';
import { withSavedDraft } from './draft-cache';

const cached = {
  campaignId: 'c',
  revision: 3,
  graph: { nodes: [] },
  savedBy: { kind: 'user', id: 'u', name: 'Lan' },
  savedAt: 't3',
  diagnostics: [],
} as unknown as Draft;

describe('the cached draft after a save', () => {
  it('holds the saved revision, time, graph and diagnostics', () => {
    const graph = { nodes: [{ id: 'a' }] };
    const diagnostics = [{ severity: 'error', code: 'x', message: 'm' }];
    expect(withSavedDraft(cached, { revision: 4, savedAt: 't4', diagnostics } as never, graph)).toEqual({
      ...cached,
      revision: 4,
      savedAt: 't4',
      graph,
      diagnostics,
    });
  });

  it('keeps nothing when nothing was cached, and never goes back to an older revision', () => {
    expect(withSavedDraft(undefined, { revision: 4, savedAt: 't4', diagnostics: [] }, {})).toBeUndefined();
    const newer = { ...cached, revision: 9 };
    expect(withSavedDraft(newer, { revision: 4, savedAt: 't4', diagnostics: [] }, {})).toBe(newer);
  });
});
