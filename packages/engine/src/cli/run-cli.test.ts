import { campaignGraphJsonSchema } from '../graph/json-schema';
import { canonicalJson } from '../plan/canonical-json';
import { fakeCliIo } from '../testing/fake-cli-io';
import { graphOf } from '../testing/graph-of';
import { lan, smsOrderConfirmation, START, znsOrderConfirmation } from '../testing/simulator-fixtures';
import { runCli } from './main';

const graph = graphOf({
  nodes: [
    { id: 'start', type: 'trigger.event', data: { event: 'order.created', entryKey: 'orderId' } },
    { id: 'zns', type: 'send.zns', data: znsOrderConfirmation },
    { id: 'sms', type: 'send.sms', data: smsOrderConfirmation },
  ],
  edges: ['start:next->zns', 'zns:failure->sms'],
});
const broken = graphOf({
  nodes: [{ id: 'zns', type: 'send.zns', data: { ...znsOrderConfirmation, templateId: 'welcome' } }],
  edges: [],
});
const contact = { ...lan, entryEvent: { name: 'order.created', properties: { orderId: 'DH1024' } } };

describe('loa (in process)', () => {
  it('validate --json prints ok and every diagnostic with all six fields', () => {
    const io = fakeCliIo({ 'broken.json': broken });
    expect(runCli(['validate', 'broken.json', '--json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.ok).toBe(false);
    for (const diagnostic of report.diagnostics)
      expect(Object.keys(diagnostic).sort()).toEqual([
        'code',
        'edgeId',
        'message',
        'nodeId',
        'path',
        'severity',
      ]);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'INVALID_CONFIG', nodeId: 'zns', edgeId: null }),
    );
  });

  it('validate prints one line per diagnostic naming the node, then a summary', () => {
    const io = fakeCliIo({ 'broken.json': broken, 'ok.json': graph });
    expect(runCli(['validate', 'broken.json'], io)).toBe(1);
    const lines = io.out().trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^broken\.json: error INVALID_CONFIG node zns at \S+: /),
    );
    expect(lines.at(-1)).toMatch(/^broken\.json: \d+ errors?, \d+ warnings?$/);
    const ok = fakeCliIo({ 'ok.json': graph });
    expect(runCli(['validate', 'ok.json'], ok)).toBe(0);
    expect(ok.out()).toBe('ok.json: valid\n');
  });

  it('compile --json prints the hash and the canonical plan; without --json the hash', () => {
    const io = fakeCliIo({ 'orders.json': graph });
    expect(runCli(['compile', 'orders.json', '--json'], io)).toBe(0);
    const output = io.out().trim();
    const { hash, plan } = JSON.parse(output);
    expect(output).toBe(canonicalJson({ hash, plan }));
    expect(plan).toMatchObject({ campaignId: 'orders', versionId: 'local', entryStepId: 'zns', hash });
    const human = fakeCliIo({ 'orders.json': graph });
    expect(runCli(['compile', 'orders.json', '--campaign-id', 'cmp-7'], human)).toBe(0);
    expect(human.out()).toBe(
      `orders.json: compiled 4 steps, entry zns, trigger trigger.event\nhash ${hash}\n`,
    );
  });

  it('compile exits 1 with the diagnostics when the graph has errors', () => {
    const io = fakeCliIo({ 'broken.json': broken });
    expect(runCli(['compile', 'broken.json', '--json'], io)).toBe(1);
    expect(JSON.parse(io.out())).toMatchObject({ ok: false });
  });

  it('simulate --json prints the simulation result, from a bare contacts list and an events file', () => {
    const io = fakeCliIo({
      'orders.json': graph,
      'contacts.json': [contact],
      'events.json': [],
      'outcomes.json': { zns: { failure: 'zns:-118' } },
    });
    const args = ['simulate', 'orders.json', '--contacts', 'contacts.json', '--events', 'events.json'];
    expect(runCli([...args, '--outcomes', 'outcomes.json', '--start', START, '--json'], io)).toBe(0);
    const result = JSON.parse(io.out());
    expect(result).toMatchObject({ ok: true, totals: { entered: 1, messages: 2, costVnd: 520 } });
    expect(result.contacts[0].path.map((step: { stepId: string }) => step.stepId)).toEqual([
      'start',
      'zns',
      'sms',
      '$exit:completed',
    ]);
  });

  it('simulate prints each path with times and the rendered messages', () => {
    const io = fakeCliIo({
      'orders.json': graph,
      'scenario.json': { contacts: [contact], startAt: START, outcomes: { zns: { failure: 'zns:-118' } } },
    });
    expect(runCli(['simulate', 'orders.json', '--contacts', 'scenario.json'], io)).toBe(0);
    expect(io.out()).toContain(
      'kh-001: entered 2026-05-18 10:00, exit completed at 2026-05-18 10:00, 520 VND',
    );
    expect(io.out()).toContain('  2026-05-18 10:00  ZNS xác nhận đơn [send.zns] failed (zns:-118)');
    expect(io.out()).toContain(
      '      SMS LOASHOP: "Don hang DH1024 da duoc xac nhan. Cam on ban!" (GSM-7, 45 chars, 1 segment) — sent+delivered, 520 VND',
    );
    expect(io.out()).toContain(
      'Totals: 1 entered, 0 not entered, 0 waiting; exited: 1 completed; 0 converted; 2 messages, 520 VND',
    );
  });

  it('simulate exits 2 with one line naming the file when the contacts are malformed', () => {
    const io = fakeCliIo({ 'orders.json': graph, 'contacts.json': [{ name: 'no id' }] });
    expect(runCli(['simulate', 'orders.json', '--contacts', 'contacts.json'], io)).toBe(2);
    expect(io.err()).toMatch(/^loa: contacts\.json: contacts\.0\.id: .+\n$/);
    const missing = fakeCliIo({ 'orders.json': graph });
    expect(runCli(['simulate', 'orders.json'], missing)).toBe(2);
    expect(missing.err()).toBe('loa: simulate needs sample contacts: --contacts contacts.json\n');
  });

  it('exits 2 with one line for a missing file, a file that is not JSON, or a wrong command', () => {
    const cases: Array<[string[], RegExp]> = [
      [['validate', 'campaign.json'], /^loa: cannot read campaign\.json: no such file\n$/],
      [['validate', 'text.json'], /^loa: text\.json is not JSON: .+\n$/],
      [['validate'], /^loa: validate needs a campaign file, e\.g\. loa validate campaign\.json\n$/],
      [['publish', 'x.json'], /^loa: unknown command publish\n$/],
      [['validate', 'x.json', '--verbose'], /^loa: Unknown option '--verbose' \(see loa --help\)\n$/],
    ];
    for (const [args, stderr] of cases) {
      const io = fakeCliIo({ 'text.json': 'nodes: []' });
      expect(runCli(args, io)).toBe(2);
      expect(io.err()).toMatch(stderr);
      expect(io.out()).toBe('');
    }
  });

  it('prints help with --help (exit 0) and without a command (exit 2, on stderr)', () => {
    const io = fakeCliIo({});
    expect(runCli(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: loa <command>');
    const bare = fakeCliIo({});
    expect(runCli([], bare)).toBe(2);
    expect(bare.err()).toContain('Usage: loa <command>');
  });

  it('schema prints the JSON Schema, or writes it with --out', () => {
    const io = fakeCliIo({});
    expect(runCli(['schema', '--out', 'schema.json'], io)).toBe(0);
    expect(JSON.parse(io.written['schema.json'])).toEqual(campaignGraphJsonSchema());
  });
});
