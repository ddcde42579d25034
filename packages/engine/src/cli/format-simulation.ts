import type { RenderedMessage } from '../simulator/render-message';
import type {
  SimulatedContact,
  SimulatedMessage,
  SimulationResult,
} from '../simulator/simulation-result.types';

/** "2026-05-18T10:00:00+07:00" -> "2026-05-18 10:00" (the header names the timezone offset once). */
const short = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const vnd = (amount: number) => `${amount.toLocaleString('en-US')} VND`;
const oneLine = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Human output of `loa simulate`: per contact its path with times, the rendered messages, then totals. */
export function simulationLines(result: SimulationResult): string[] {
  const lines = [`Simulation from ${result.startAt ?? '?'}, plan ${result.planHash?.slice(0, 12) ?? '?'}`];
  for (const contact of result.contacts) lines.push('', ...contactLines(contact));
  const { totals } = result;
  const exits = Object.entries(totals.exited)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  lines.push(
    '',
    `Totals: ${totals.entered} entered, ${totals.notEntered} not entered, ${totals.waiting} waiting` +
      `${exits ? `; exited: ${exits}` : ''}; ${totals.converted} converted; ` +
      `${totals.messages} message${totals.messages === 1 ? '' : 's'}, ${vnd(totals.costVnd)}`,
  );
  return lines;
}

function contactLines(contact: SimulatedContact): string[] {
  if (!contact.entered) return [`${contact.contactId}: did not enter: ${contact.notEnteredReason}`];
  const ending =
    contact.exitReason === null
      ? 'still waiting when the clock stopped'
      : `exit ${contact.exitReason} at ${short(contact.exitedAt ?? '')}`;
  const lines = [
    `${contact.contactId}: entered ${short(contact.enteredAt ?? '')}, ${ending}` +
      `${contact.converted ? `, converted ${short(contact.convertedAt ?? '')}` : ''}, ${vnd(contact.costVnd)}`,
  ];
  const messages = [...contact.messages];
  for (const step of contact.path) {
    const time = step.endedAt ? `${short(step.at)} → ${short(step.endedAt)}` : short(step.at);
    lines.push(
      `  ${time}  ${step.label} [${step.kind}] ${step.outcome}${step.detail ? ` (${step.detail})` : ''}`,
    );
    if (messages[0]?.stepId === step.stepId && messages[0].outcome === step.outcome)
      lines.push(...messageLines(messages.shift() as SimulatedMessage));
  }
  return lines;
}

function messageLines(message: SimulatedMessage): string[] {
  const status =
    message.outcome === 'sent'
      ? `${message.receipts.join('+')}, ${vnd(message.costVnd)}`
      : `${message.outcome}: ${message.error}`;
  const lines = [`      ${renderedText(message.rendered, message)} — ${status}`];
  for (const error of message.renderErrors)
    lines.push(`      render error in ${error.field}: ${error.message}`);
  return lines;
}

function renderedText(rendered: RenderedMessage, message: SimulatedMessage): string {
  switch (rendered.channel) {
    case 'zns':
      return `ZNS template ${rendered.templateId} ${Object.entries(rendered.params)
        .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
        .join(' ')}`;
    case 'sms': {
      const sms = message.sms;
      const size = sms
        ? ` (${sms.encoding}, ${sms.characters} chars, ${sms.segments} segment${sms.segments === 1 ? '' : 's'})`
        : '';
      return `SMS ${rendered.brandName}: "${oneLine(rendered.text, 400)}"${size}`;
    }
    case 'email':
      return `Email "${oneLine(rendered.subject)}": ${oneLine(rendered.text)}`;
    case 'oa': {
      const oa = rendered.message;
      const text =
        oa.type === 'transaction'
          ? [oa.header, oa.text, ...oa.table.map((row) => `${row.key}: ${row.value}`)]
              .filter(Boolean)
              .join(' | ')
          : oa.type === 'request_user_info'
            ? `${oa.title} | ${oa.subtitle}`
            : (oa.text ?? oa.type);
      return `OA ${rendered.kind} ${oa.type}: ${oneLine(text, 300)}`;
    }
  }
}
