import { nodeTypes, type NodeType } from '@loa/engine/browser';
import { exampleNodes } from '../config/testing/example-graphs';
import { defaultDataOf } from '../graph/default-data';
import { hasConfigShape } from './config-shape';

describe('config shape', () => {
  it('accepts every new (unfinished) step and every step of the example campaigns', () => {
    for (const type of nodeTypes)
      expect([type, hasConfigShape(type, defaultDataOf(type))]).toEqual([type, true]);
    for (const node of exampleNodes())
      expect([node.id, hasConfigShape(node.type as NodeType, node.data)]).toEqual([node.id, true]);
  });

  it('refuses configs with fields of the wrong data type', () => {
    expect(hasConfigShape('contact.update', { ...defaultDataOf('contact.update'), addTags: 'vip' })).toBe(
      false,
    );
    expect(hasConfigShape('wait.delay', { amount: 'soon', unit: 'days' })).toBe(false);
    expect(hasConfigShape('branch.split', { ...defaultDataOf('branch.split'), variants: 'a' })).toBe(false);
    expect(hasConfigShape('send.zns', { ...defaultDataOf('send.zns'), params: [] })).toBe(false);
  });
});
