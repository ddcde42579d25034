import abTestZns from '@loa/engine/examples/ab-test-zns.json';
import abandonedCart from '@loa/engine/examples/abandoned-cart.json';
import birthdayVoucher from '@loa/engine/examples/birthday-voucher.json';
import codOrderConfirmation from '@loa/engine/examples/cod-order-confirmation-oa.json';
import scheduledBroadcast from '@loa/engine/examples/scheduled-broadcast.json';
import welcomeSeries from '@loa/engine/examples/welcome-series.json';
import znsSmsFallback from '@loa/engine/examples/zns-sms-fallback.json';
import type { RuleGroup } from '@loa/engine/browser';

interface ExampleNode {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/** The engine's example campaigns, for tests of the config panel against real configs. */
export const exampleGraphs = [
  abTestZns,
  abandonedCart,
  birthdayVoucher,
  codOrderConfirmation,
  scheduledBroadcast,
  welcomeSeries,
  znsSmsFallback,
] as unknown as Array<{ nodes: ExampleNode[] }>;

export function exampleNodes(): ExampleNode[] {
  return exampleGraphs.flatMap((graph) => graph.nodes);
}

export function conditionRules(): RuleGroup[] {
  return exampleNodes()
    .filter((node) => node.type === 'branch.condition')
    .map((node) => node.data.rule as RuleGroup);
}
