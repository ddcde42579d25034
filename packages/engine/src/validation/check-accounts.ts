import type { NodeType } from '../graph/node-catalogue';
import type { ChannelKind, DiagnosticParams, DiagnosticSink, ValidationContext } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { field, hasOwn, isObject } from './json';
import { formatPath } from './paths';
import { clip, quote } from './text';

const CHANNEL_OF: Partial<Record<NodeType, ChannelKind>> = {
  'send.zns': 'zns',
  'send.oa': 'oa',
  'send.sms': 'sms',
  'send.email': 'email',
};

const CHANNEL_NAMES: Record<ChannelKind, string> = {
  zns: 'Zalo ZNS',
  oa: 'Zalo OA',
  sms: 'SMS',
  email: 'email',
};

const AN_ACCOUNT_OF: Record<ChannelKind, string> = {
  zns: 'a Zalo ZNS account',
  oa: 'a Zalo OA account',
  sms: 'an SMS account',
  email: 'an email account',
};

const A_PURPOSE: Record<string, string> = {
  transactional: 'a transactional',
  care: 'a customer-care',
  otp: 'an OTP',
  advertising: 'an advertising',
};

/**
 * Send steps use a published account of their own channel that can send their message's purpose (in a broadcast,
 * also the purposes the account sends only in batches).
 */
export function checkAccounts(
  nodes: readonly NodeInfo[],
  accounts: NonNullable<ValidationContext['accounts']>,
  sink: DiagnosticSink,
  broadcast = false,
): void {
  for (const node of nodes) {
    const channel = node.type === undefined ? undefined : CHANNEL_OF[node.type];
    if (channel === undefined) continue;
    const accountId = field(node.data, 'accountId');
    if (typeof accountId !== 'string' || accountId === '') continue;
    const target = (params: DiagnosticParams) => ({
      nodeId: node.id,
      path: formatPath([...node.path, 'data', 'accountId']),
      params: { channel, ...params },
    });
    const account = hasOwn(accounts, accountId) ? (accounts[accountId] as unknown) : undefined;
    if (!isObject(account)) {
      sink.add(
        'ACCOUNT_MISSING',
        `${node.name} sends through an account that no longer exists (${clip(accountId, 40)}). Choose one of the workspace's ${CHANNEL_NAMES[channel]} accounts.`,
        target({ account: clip(accountId, 40) }),
      );
      continue;
    }
    const name = () => (typeof account['name'] === 'string' ? quote(account['name']) : quote(accountId));
    const plainName = typeof account['name'] === 'string' ? account['name'] : accountId;
    const accountChannel = account['channel'];
    const channels: unknown[] = Array.isArray(accountChannel) ? accountChannel : [accountChannel];
    if (!channels.includes(channel)) {
      const first = channels[0];
      const actual =
        typeof first === 'string' && hasOwn(CHANNEL_NAMES, first)
          ? AN_ACCOUNT_OF[first as ChannelKind]
          : 'not an account of this channel';
      sink.add(
        'ACCOUNT_WRONG_CHANNEL',
        `${node.name} sends ${CHANNEL_NAMES[channel]} through ${name()}, which is ${actual}. Choose ${AN_ACCOUNT_OF[channel]}.`,
        target({ account: plainName }),
      );
      continue;
    }
    const purposes = account['purposes'];
    const purpose = field(node.data, 'purpose');
    const inBroadcasts =
      broadcast && isObject(purposes) && Array.isArray(purposes['inBroadcasts'])
        ? purposes['inBroadcasts']
        : [];
    if (
      isObject(purposes) &&
      Array.isArray(purposes['allowed']) &&
      typeof purpose === 'string' &&
      !purposes['allowed'].includes(purpose) &&
      !inBroadcasts.includes(purpose)
    ) {
      const why = typeof purposes['why'] === 'string' ? ` ${purposes['why']}` : '';
      sink.add(
        'ACCOUNT_PURPOSE_UNSUPPORTED',
        `${node.name} sends ${A_PURPOSE[purpose] ?? quote(clip(purpose, 20))} message through ${name()}, which cannot send it from a journey.${why}`,
        {
          nodeId: node.id,
          path: formatPath([...node.path, 'data', 'purpose']),
          params: { account: plainName, purpose: clip(purpose, 20) },
        },
      );
      continue;
    }
    if (account['published'] !== true) {
      sink.add(
        'ACCOUNT_UNPUBLISHED',
        `${node.name} sends through ${name()}, which is not published yet. Publish the account or choose another one.`,
        target({ account: plainName }),
      );
    }
  }
}
