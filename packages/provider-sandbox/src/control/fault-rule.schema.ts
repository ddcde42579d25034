import type { FaultRule } from '../sandbox.types';
import { asRecord } from '../state/records';

const SURFACES = new Set(['zns', 'zalo_oa', 'esms', 'speedsms', 'twilio', 'smtp', 'zalo_oauth']);

/** Reads a FaultRule from JSON; a string describing the first bad field otherwise. */
export function parseFaultRule(value: unknown): FaultRule | string {
  const input = asRecord(value);
  if (!input) return 'body must be a JSON object';
  const rule: FaultRule = {};
  const { channel, recipients, latencyMs, errorRate, code, outage } = input;
  if (channel !== undefined) {
    if (typeof channel !== 'string' || !SURFACES.has(channel)) return 'channel is not a sandbox surface';
    rule.channel = channel as FaultRule['channel'];
  }
  if (recipients !== undefined) {
    if (!Array.isArray(recipients) || !recipients.every((item) => typeof item === 'string')) {
      return 'recipients must be an array of strings';
    }
    rule.recipients = recipients;
  }
  if (latencyMs !== undefined) {
    if (typeof latencyMs !== 'number' || latencyMs < 0 || latencyMs > 60_000)
      return 'latencyMs must be 0..60000';
    rule.latencyMs = latencyMs;
  }
  if (errorRate !== undefined) {
    if (typeof errorRate !== 'number' || errorRate < 0 || errorRate > 1) return 'errorRate must be 0..1';
    rule.errorRate = errorRate;
  }
  if (code !== undefined) {
    if (typeof code !== 'number' && typeof code !== 'string') return 'code must be a number or a string';
    rule.code = code;
  }
  if (outage !== undefined) {
    const window = asRecord(outage);
    const from = window?.['from'];
    const to = window?.['to'];
    const epoch = (edge: unknown) => (typeof edge === 'string' ? Date.parse(edge) : edge);
    const fromMs = epoch(from);
    const toMs = epoch(to);
    if (
      typeof fromMs !== 'number' ||
      typeof toMs !== 'number' ||
      Number.isNaN(fromMs) ||
      Number.isNaN(toMs)
    ) {
      return 'outage needs from and to (epoch ms or ISO)';
    }
    rule.outage = { from: fromMs, to: toMs };
  }
  return rule;
}
