import type { NodeType } from '../graph/node-catalogue';
import { entriesOf, field, isObject } from './json';
import type { PathSegment } from './paths';

/** A text field of a node config that is rendered with Liquid. */
export interface LiquidField {
  /** Relative to the node's data. */
  path: PathSegment[];
  text: string;
}

type Collector = (data: Record<string, unknown>, add: (path: PathSegment[], value: unknown) => void) => void;

const direct =
  (...keys: string[]): Collector =>
  (data, add) => {
    for (const key of keys) add([key], field(data, key));
  };

/** Where each node type keeps Liquid texts (DESIGN §3). */
const COLLECTORS: Partial<Record<NodeType, Collector>> = {
  'send.zns': (data, add) => {
    for (const [name, value] of entriesOf(field(data, 'params'))) add(['params', name], value);
  },
  'send.sms': direct('text'),
  'send.email': direct('subject', 'html', 'text'),
  'send.oa': (data, add) => {
    const message = field(data, 'message');
    for (const key of ['text', 'title', 'subtitle', 'header']) add(['message', key], field(message, key));
    const table = field(message, 'table');
    if (Array.isArray(table))
      table.forEach((row, index) => add(['message', 'table', index, 'value'], field(row, 'value')));
  },
  'http.request': (data, add) => {
    add(['url'], field(data, 'url'));
    add(['body'], field(data, 'body'));
    const headers = field(data, 'headers');
    if (Array.isArray(headers))
      headers.forEach((header, index) => add(['headers', index, 'value'], field(header, 'value')));
  },
  'contact.update': (data, add) => {
    for (const [name, value] of entriesOf(field(data, 'set'))) add(['set', name], value);
  },
};

/** The Liquid texts of a node, read from its stored data (so they are checked even when other fields are wrong). */
export function liquidFieldsOf(type: NodeType | undefined, data: unknown): LiquidField[] {
  const collect = type === undefined ? undefined : COLLECTORS[type];
  if (collect === undefined || !isObject(data)) return [];
  const fields: LiquidField[] = [];
  collect(data, (path, value) => {
    if (typeof value === 'string') fields.push({ path, text: value });
  });
  return fields;
}
