import { nodeCatalogue, type NodeType } from '../graph/node-catalogue';
import { field } from './json';
import { clip, quote } from './text';

/** The label a marketer gave the node, if any. */
export function labelOf(data: unknown): string | undefined {
  const label = field(data, 'label');
  return typeof label === 'string' && label.trim() !== '' ? clip(label, 80) : undefined;
}

function titleOf(type: NodeType | undefined): string {
  return type === undefined ? 'Step' : nodeCatalogue[type].title;
}

function reference(index: number, id: string | undefined): string {
  return id === undefined ? `step #${index + 1}` : clip(id, 40);
}

/**
 * The quoted name of a node for the subject of a sentence: “Chờ thanh toán”, or “Send SMS (sms-1)” when it has no
 * label.
 */
export function nodeName(
  index: number,
  id: string | undefined,
  type: NodeType | undefined,
  data: unknown,
): string {
  const label = labelOf(data);
  return quote(label ?? `${titleOf(type)} (${reference(index, id)})`);
}

/** How a message introduces a node: Send SMS “Nhắc thanh toán”, or Send SMS (sms-1). */
export function nodeHeading(
  index: number,
  id: string | undefined,
  type: NodeType | undefined,
  data: unknown,
): string {
  const label = labelOf(data);
  return label === undefined
    ? `${titleOf(type)} (${reference(index, id)})`
    : `${titleOf(type)} ${quote(label)}`;
}
