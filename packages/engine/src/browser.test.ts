import * as browser from './browser';
import * as engine from './index';

describe('browser entry point', () => {
  it('offers the graph schema, the node catalogue, the JSON Schema and validation', () => {
    expect(browser.campaignGraphSchema).toBeDefined();
    expect(Object.keys(browser.nodeCatalogue)).toContain('send.zns');
    expect(browser.campaignGraphJsonSchema()).toHaveProperty('type', 'object');
    expect(browser.validateGraph(null)).toEqual([expect.objectContaining({ code: 'GRAPH_NOT_OBJECT' })]);
    expect(browser.hasErrors([])).toBe(false);
    expect(browser.DIAGNOSTIC_CODES).toContain('NO_TRIGGER');
  });

  it('offers compilation and the simulator, which run in the builder too', () => {
    expect(browser.compileGraph).toBeDefined();
    expect(browser.simulate).toBeDefined();
  });

  it('exports validation from the main entry point too', () => {
    expect(engine.validateGraph).toBe(browser.validateGraph);
  });
});
