import type { Diagnostic } from '@loa/engine/browser';
import type { TFunction } from 'i18next';

/** What a message needs to know about the campaign beyond the diagnostic: how the interface names steps and fields. */
export interface DiagnosticNames {
  /** The step's name as the interface shows it, or undefined when the campaign has no such step. */
  step: (nodeId: string) => string | undefined;
  /** A field's label, from the last name in its path ("quietHours", "templateId"…). */
  field: (name: string) => string;
}

/** Which of a code's sentences fits the diagnostic (most codes have one; some say different things). */
export function messageKey(diagnostic: Diagnostic, stepExists: (nodeId: string) => boolean): string {
  const params = diagnostic.params ?? {};
  const path = diagnostic.path ?? '';
  const variant = (() => {
    switch (diagnostic.code) {
      case 'SCHEMA_VERSION_UNSUPPORTED':
        return typeof params['version'] === 'number' && params['version'] > 1 ? 'newer' : undefined;
      case 'GRAPH_SHAPE':
        if (params['connection'] !== undefined) return 'connection';
        if (params['step'] !== undefined) return 'step';
        return path.endsWith('.position') && diagnostic.nodeId ? 'position' : undefined;
      case 'SETTINGS_INVALID':
        if (params['timezone'] !== undefined) return 'timezone';
        return path === 'settings' ? 'damaged' : undefined;
      case 'INVALID_CONFIG':
        if (params['timezone'] !== undefined) return 'timezone';
        return lastName(path) === undefined ? 'whole' : undefined;
      case 'UNKNOWN_NODE_TYPE':
        return params['type'] !== undefined ? 'named' : undefined;
      case 'EDGE_INVALID':
        return typeof params['problem'] === 'string' ? params['problem'] : undefined;
      case 'HANDLE_NOT_OFFERED':
        return params['handle'] === undefined ? 'end' : undefined;
      case 'CYCLE_WITHOUT_WAIT':
        return params['steps'] === 1 ? 'self' : undefined;
      case 'SEND_OUTCOME_NODE_INVALID':
        return typeof params['sendStep'] === 'string' && stepExists(params['sendStep'])
          ? 'notSend'
          : undefined;
      case 'EVENT_NEVER_SEEN':
        return diagnostic.nodeId === undefined ? 'goal' : undefined;
      default:
        return undefined;
    }
  })();
  return variant ? `${diagnostic.code}_${variant}` : diagnostic.code;
}

/** The last field name of a path: "nodes[2].data.params.order_code" -> "order_code"; undefined at a node's data. */
export function lastName(path: string): string | undefined {
  const names = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '' && !/^\d+$/.test(part));
  const last = names.at(-1);
  return last === undefined || last === 'data' || last === 'nodes' || last === 'settings' ? undefined : last;
}

/**
 * The diagnostic in the interface's language (namespace "diagnostics"), from its code, its target and its params;
 * the validator's English message when the code has no translation.
 */
export function diagnosticMessage(t: TFunction, diagnostic: Diagnostic, names: DiagnosticNames): string {
  const params = diagnostic.params ?? {};
  const key = messageKey(diagnostic, (id) => names.step(id) !== undefined);
  const field = lastName(diagnostic.path ?? '');
  const stepOf = (id: string | undefined) =>
    (id === undefined ? undefined : names.step(id)) ?? t('diagnostics:aStep');
  const values: Record<string, string | number> = {
    ...params,
    step: stepOf(diagnostic.nodeId),
    field: field === undefined ? '' : names.field(field),
    path: diagnostic.path ?? '',
  };
  if (typeof params['sendStep'] === 'string') values['sendStep'] = stepOf(params['sendStep']);
  if (typeof params['channel'] === 'string')
    values['channel'] = t(`diagnostics:channels.${params['channel']}`, { defaultValue: params['channel'] });
  if (typeof params['purpose'] === 'string')
    values['purpose'] = t(`diagnostics:purposes.${params['purpose']}`, { defaultValue: params['purpose'] });
  return t(`diagnostics:codes.${key}`, { ...values, defaultValue: diagnostic.message });
}
