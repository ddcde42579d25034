import abTestZns from '@loa/engine/examples/ab-test-zns.json';
import abandonedCart from '@loa/engine/examples/abandoned-cart.json';
import birthdayVoucher from '@loa/engine/examples/birthday-voucher.json';
import codOrderConfirmation from '@loa/engine/examples/cod-order-confirmation-oa.json';
import scheduledBroadcast from '@loa/engine/examples/scheduled-broadcast.json';
import welcomeSeries from '@loa/engine/examples/welcome-series.json';
import znsSmsFallback from '@loa/engine/examples/zns-sms-fallback.json';

/**
 * The gallery: the engine's example campaigns (packages/engine/examples), which its tests keep valid. Their
 * accounts are the examples' own ids: a new campaign from one shows which sends need the workspace's account.
 */
export interface FlowTemplate {
  id: string;
  graph: Record<string, unknown>;
  channels: string[];
}

export const BLANK_GRAPH = { schemaVersion: 1, nodes: [], edges: [] };

export const FLOW_TEMPLATES: FlowTemplate[] = [
  { id: 'abandoned-cart', graph: abandonedCart, channels: ['zns', 'sms'] },
  { id: 'welcome-series', graph: welcomeSeries, channels: ['zns', 'email', 'sms'] },
  { id: 'zns-sms-fallback', graph: znsSmsFallback, channels: ['zns', 'sms'] },
  { id: 'birthday-voucher', graph: birthdayVoucher, channels: ['zns', 'sms'] },
  { id: 'ab-test-zns', graph: abTestZns, channels: ['zns'] },
  { id: 'cod-order-confirmation-oa', graph: codOrderConfirmation, channels: ['oa', 'sms'] },
  { id: 'scheduled-broadcast', graph: scheduledBroadcast, channels: ['sms', 'email'] },
];
