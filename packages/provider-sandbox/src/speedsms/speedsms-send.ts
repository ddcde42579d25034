import type { SpeedSmsAccountSeed } from '../sandbox.types';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField } from '../state/records';
import { toZaloPhone } from '../state/vietnamese-phone';

const PRICE_BY_TYPE: Record<number, number> = { 2: 250, 3: 550, 4: 550, 5: 200 };
const MAX_CONTENT = 1530;

function speedSmsError(code: string, message: string, invalidPhone: string[] = []) {
  return { status: 'error', code, message, invalidPhone };
}

/** POST /sms/send (providers.md §5.2). */
export function speedSmsSend(
  context: SandboxContext,
  account: SpeedSmsAccountSeed,
  rawBody: unknown,
): Record<string, unknown> {
  const body = asRecord(rawBody);
  const to = body?.['to'];
  if (!Array.isArray(to) || to.length === 0)
    return speedSmsError('101', 'to must be a non-empty array of phones');
  const content = stringField(body, 'content') ?? '';
  if (content.length === 0) return speedSmsError('101', 'content is required');
  if (content.length > MAX_CONTENT) return speedSmsError('113', 'content is too long');
  const smsType = Number(body?.['sms_type'] ?? 2);
  if (!(smsType in PRICE_BY_TYPE)) return speedSmsError('101', 'sms_type must be 2, 3, 4 or 5');
  const sender = stringField(body, 'sender');
  if (smsType === 3 && (!sender || !account.senders.includes(sender)))
    return speedSmsError('101', 'sender is not registered');
  const phones = to.map((phone) =>
    typeof phone === 'string' || typeof phone === 'number' ? String(phone) : '',
  );
  const valid = phones.map(toZaloPhone).filter((phone): phone is string => phone !== null);
  const invalidPhone = phones.filter((phone) => toZaloPhone(phone) === null);
  if (valid.length === 0) return speedSmsError('105', 'Phone number is invalid', invalidPhone);
  const segments = Math.max(1, Math.ceil(content.length / 160));
  const totalSMS = valid.length * segments;
  const totalPrice = totalSMS * PRICE_BY_TYPE[smsType];
  const state = context.state;
  const balance = state.balances.get(account.accessToken) ?? 0;
  if (balance < totalPrice) return speedSmsError('300', 'Insufficient balance');
  state.balances.set(account.accessToken, balance - totalPrice);
  const tranId = state.ids.nextNumber();
  const now = context.now();
  for (const phone of valid) {
    state.inbox.add({
      id: `${tranId}-${phone}`,
      channel: 'speedsms',
      account: account.accessToken.slice(0, 8),
      recipient: phone,
      providerMessageId: String(tranId),
      content: { content, sms_type: smsType, sender },
      acceptedAt: new Date(now).toISOString(),
    });
  }
  return { status: 'success', code: '00', data: { tranId, totalSMS, totalPrice, invalidPhone } };
}
