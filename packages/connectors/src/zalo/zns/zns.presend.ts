import type { ZnsTemplateParam } from './zns.types';

export type TemplateDataCheck =
  | { ok: true; data: Record<string, string> }
  | {
      ok: false;
      code:
        | 'loa_param_missing'
        | 'loa_param_empty'
        | 'loa_param_too_long'
        | 'loa_param_too_short'
        | 'loa_param_unknown';
      param: string;
      message: string;
    };

/** Length as Zalo counts it: characters of the NFC form. */
export function nfcLength(value: string): number {
  return [...value.normalize('NFC')].length;
}

/**
 * Checks template data against the template's params before anything is sent: every value is NFC-normalised (and
 * sent in that form), required params are present, empty values only where `acceptNull`, lengths within
 * `minLength`..`maxLength` counted on the NFC form, and no param the template does not have.
 */
export function checkTemplateData({
  params,
  data,
}: {
  params: ReadonlyArray<ZnsTemplateParam>;
  data: Readonly<Record<string, string | number>>;
}): TemplateDataCheck {
  const known = new Map(params.map((param) => [param.name, param]));
  for (const name of Object.keys(data)) {
    if (!known.has(name)) {
      return {
        ok: false,
        code: 'loa_param_unknown',
        param: name,
        message: `The template has no parameter "${name}".`,
      };
    }
  }
  const normalised: Record<string, string> = {};
  for (const param of params) {
    const raw = data[param.name];
    if (raw === undefined || raw === null) {
      if (param.require) {
        return {
          ok: false,
          code: 'loa_param_missing',
          param: param.name,
          message: `The required parameter "${param.name}" has no value.`,
        };
      }
      continue;
    }
    const value = String(raw).normalize('NFC');
    const length = [...value].length;
    if (length === 0) {
      if (!param.acceptNull) {
        return {
          ok: false,
          code: 'loa_param_empty',
          param: param.name,
          message: `The parameter "${param.name}" may not be empty.`,
        };
      }
    } else if (length > param.maxLength) {
      return {
        ok: false,
        code: 'loa_param_too_long',
        param: param.name,
        message: `The parameter "${param.name}" is ${length} characters long; the template allows at most ${param.maxLength}.`,
      };
    } else if (length < param.minLength) {
      return {
        ok: false,
        code: 'loa_param_too_short',
        param: param.name,
        message: `The parameter "${param.name}" is ${length} characters long; the template needs at least ${param.minLength}.`,
      };
    }
    normalised[param.name] = value;
  }
  return { ok: true, data: normalised };
}

/** Without a template detail, values are still sent in NFC form. */
export function nfcTemplateData(data: Readonly<Record<string, string | number>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).map(([name, value]) => [name, String(value).normalize('NFC')]),
  );
}
