import { asRecord, nfcLength } from '../state/records';
import type { ZnsTemplateSeed } from '../sandbox.types';
import { ZNS_ERRORS, type ZnsError } from './zns.errors';

/** Checks template_data against the template's listParams: present (-1122), within maxLength in NFC (-1121). */
export function checkTemplateData(template: ZnsTemplateSeed, templateData: unknown): ZnsError | null {
  const data = asRecord(templateData);
  if (!data) return ZNS_ERRORS.templateDataEmpty();
  for (const param of template.params) {
    const raw = data[param.name];
    const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : undefined;
    if (value === undefined || (value === '' && !param.acceptNull)) {
      if (param.require) return ZNS_ERRORS.paramMissing(param.name);
      continue;
    }
    if (nfcLength(value) > param.maxLength) return ZNS_ERRORS.paramTooLong(param.name, param.maxLength);
  }
  return null;
}
