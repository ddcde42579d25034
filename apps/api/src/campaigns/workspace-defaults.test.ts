import { withWorkspaceDefaults } from './workspace-defaults';

const defaults = {
  timezone: 'Asia/Bangkok',
  quietHours: { start: '21:00', end: '08:00' },
  frequencyCaps: [{ channel: 'sms' as const, max: 2, per: { amount: 1, unit: 'days' as const } }],
};

describe('a new campaign starts with the workspace defaults', () => {
  it('fills the settings an empty graph lacks', () => {
    expect(withWorkspaceDefaults({ nodes: [], settings: {} }, defaults)).toEqual({
      nodes: [],
      settings: {
        timezone: 'Asia/Bangkok',
        quietHours: { start: '21:00', end: '08:00' },
        frequencyCaps: defaults.frequencyCaps,
      },
    });
  });

  it("keeps the graph's own settings over the workspace's", () => {
    const graph = { settings: { timezone: 'Asia/Tokyo', frequencyCaps: [] } };
    expect(withWorkspaceDefaults(graph, defaults).settings).toEqual({
      timezone: 'Asia/Tokyo',
      quietHours: defaults.quietHours,
      frequencyCaps: [],
    });
  });

  it('adds no quiet hours or caps the workspace does not have', () => {
    expect(
      withWorkspaceDefaults({}, { timezone: 'Asia/Ho_Chi_Minh', quietHours: null, frequencyCaps: [] })
        .settings,
    ).toEqual({ timezone: 'Asia/Ho_Chi_Minh' });
  });
});
