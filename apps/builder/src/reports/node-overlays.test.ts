import type { NodeFigures } from './report-queries';
import { stepOverlays } from './node-overlays';

const node = (stepId: string, figures: Partial<NodeFigures> = {}): NodeFigures => ({
  stepId,
  entered: 0,
  waitingNow: 0,
  succeeded: 0,
  failed: 0,
  exited: 0,
  outcomes: {},
  topErrors: [],
  ...figures,
});

describe('per-step overlays of the report canvas', () => {
  it('gives each step of the graph its figures, most frequent errors first', () => {
    const overlays = stepOverlays(
      ['start', 'zns'],
      [
        node('start', { entered: 6, succeeded: 6 }),
        node('zns', {
          entered: 6,
          succeeded: 4,
          failed: 2,
          topErrors: [
            { code: '-124', count: 1, meaning: 'Invalid access token' },
            { code: '-131', count: 2, meaning: null },
          ],
        }),
      ],
    );
    expect(overlays['start']).toEqual({ entered: 6, waitingNow: 0, succeeded: 6, failed: 0, topErrors: [] });
    expect(overlays['zns']?.failed).toBe(2);
    expect(overlays['zns']?.topErrors.map((error) => error.code)).toEqual(['-131', '-124']);
  });

  it('shows zeros on a step no journey reached and leaves out steps the graph lacks', () => {
    const overlays = stepOverlays(
      ['start', 'exit'],
      [node('start', { entered: 1 }), node('gone', { entered: 9 })],
    );
    expect(Object.keys(overlays)).toEqual(['start', 'exit']);
    expect(overlays['exit']).toEqual({ entered: 0, waitingNow: 0, succeeded: 0, failed: 0, topErrors: [] });
  });
});
