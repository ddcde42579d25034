import type { ContactFields } from './contact-fields';
import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { describeField } from './issue-messages';
import { analyzeLiquid } from './liquid';
import { liquidFieldsOf } from './liquid-fields';
import { formatPath } from './paths';
import { quote } from './text';

/** Liquid texts parse, and read only contact fields the workspace knows (when it says which). */
export function checkLiquid(
  nodes: readonly NodeInfo[],
  contactFields: ContactFields | undefined,
  sink: DiagnosticSink,
): void {
  for (const node of nodes) {
    for (const { path, text } of liquidFieldsOf(node.type, node.data)) {
      const at = () => formatPath([...node.path, 'data', ...path]);
      const analysis = analyzeLiquid(text);
      if (analysis.error !== undefined) {
        sink.add(
          'LIQUID_SYNTAX',
          `${node.heading}: ${describeField(path)} has a broken placeholder ({{ … }} or {% … %}): ${analysis.error}.`,
          { nodeId: node.id, path: at(), params: { error: analysis.error } },
        );
        continue;
      }
      if (contactFields === undefined) continue;
      for (const contactPath of analysis.contactPaths) {
        if (contactFields.knows(contactPath)) continue;
        sink.add(
          'UNKNOWN_CONTACT_FIELD',
          `${node.heading}: ${describeField(path)} uses the contact field ${quote(contactPath)}, which contacts do not have. Check the spelling or add the field.`,
          { nodeId: node.id, path: at(), params: { contactField: contactPath } },
        );
      }
    }
  }
}
