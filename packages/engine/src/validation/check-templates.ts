import type { DiagnosticSink, ValidationContext } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { entriesOf, field, hasOwn, isObject } from './json';
import { hasLiquidMarkup } from './liquid';
import { formatPath } from './paths';
import { clip, quote } from './text';

interface TemplateParam {
  name: string;
  required: boolean;
  maxLength: number;
}

/** ZNS sends against the workspace's synced templates: the template exists and the mapping fits its params. */
export function checkTemplates(
  nodes: readonly NodeInfo[],
  templates: NonNullable<ValidationContext['znsTemplates']>,
  sink: DiagnosticSink,
): void {
  for (const node of nodes) {
    if (node.type !== 'send.zns') continue;
    const templateId = field(node.data, 'templateId');
    if (typeof templateId !== 'string' || templateId === '') continue;
    const dataPath = [...node.path, 'data'];
    const template = hasOwn(templates, templateId) ? (templates[templateId] as unknown) : undefined;
    if (!isObject(template)) {
      sink.add(
        'TEMPLATE_UNKNOWN',
        `${node.name} uses ZNS template ${clip(templateId, 24)}, which is not among this workspace's approved templates. Sync templates or choose another one.`,
        {
          nodeId: node.id,
          path: formatPath([...dataPath, 'templateId']),
          params: { template: clip(templateId, 24) },
        },
      );
      continue;
    }
    const templateName = () =>
      typeof template['name'] === 'string' ? quote(template['name']) : clip(templateId, 24);
    const plainName = typeof template['name'] === 'string' ? template['name'] : clip(templateId, 24);
    const params = paramsOf(template);
    const mapping = new Map(entriesOf(field(node.data, 'params')));

    for (const param of params) {
      const value = mapping.get(param.name);
      if (param.required && (value === undefined || (typeof value === 'string' && value.trim() === ''))) {
        sink.add(
          'TEMPLATE_PARAM_MISSING',
          `${node.heading}: template ${templateName()} needs a value for ${quote(param.name)}. Fill it in.`,
          {
            nodeId: node.id,
            path: formatPath([...dataPath, 'params', param.name]),
            params: { template: plainName, param: param.name },
          },
        );
        continue;
      }
      if (typeof value !== 'string' || hasLiquidMarkup(value)) continue;
      const length = characterCount(value.normalize('NFC'));
      if (length > param.maxLength) {
        sink.add(
          'TEMPLATE_PARAM_TOO_LONG',
          `${node.heading}: the value for ${quote(param.name)} has ${length} characters; template ${templateName()} allows at most ${param.maxLength}. Shorten it.`,
          {
            nodeId: node.id,
            path: formatPath([...dataPath, 'params', param.name]),
            params: { template: plainName, param: param.name, length, maxLength: param.maxLength },
          },
        );
      }
    }

    const known = new Set(params.map((param) => param.name));
    for (const name of mapping.keys()) {
      if (known.has(name)) continue;
      sink.add(
        'TEMPLATE_PARAM_UNKNOWN',
        `${node.name} fills in ${quote(name)}, which template ${templateName()} does not have; it will be ignored. Remove it or choose the right template.`,
        {
          nodeId: node.id,
          path: formatPath([...dataPath, 'params', name]),
          params: { template: plainName, param: name },
        },
      );
    }
  }
}

function paramsOf(template: Record<string, unknown>): TemplateParam[] {
  const params = field(template, 'params');
  if (!Array.isArray(params)) return [];
  const result: TemplateParam[] = [];
  for (const param of params) {
    const name = field(param, 'name');
    if (typeof name !== 'string') continue;
    const maxLength = field(param, 'maxLength');
    result.push({
      name,
      required: field(param, 'required') === true,
      maxLength: typeof maxLength === 'number' ? maxLength : Number.POSITIVE_INFINITY,
    });
  }
  return result;
}

/** Characters as Zalo counts them: code points of the NFC text (a Vietnamese letter with its marks is one). */
function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
