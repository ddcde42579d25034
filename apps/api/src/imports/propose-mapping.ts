import type { ColumnMapping, ContactField, DateFormat, IdentityKey, MappingTarget } from './import-mapping';

/** Header names (folded: lower case, no diacritics, words separated by one space) that name a contact field. */
const FIELD_NAMES: Record<ContactField, readonly string[]> = {
  phone: [
    'so dien thoai',
    'sdt',
    'so dt',
    'dien thoai',
    'dt',
    'di dong',
    'so di dong',
    'phone',
    'phone number',
    'mobile',
    'mobile phone',
    'tel',
    'telephone',
  ],
  email: ['email', 'e mail', 'mail', 'dia chi email', 'thu dien tu', 'email address'],
  name: [
    'ho ten',
    'ho va ten',
    'ten',
    'ten khach hang',
    'khach hang',
    'name',
    'full name',
    'fullname',
    'customer name',
  ],
  externalId: [
    'ma kh',
    'ma khach hang',
    'ma',
    'id',
    'customer id',
    'customer code',
    'external id',
    'externalid',
    'client id',
  ],
  tags: ['tags', 'tag', 'nhan', 'the'],
  doNotContact: ['do not contact', 'dnc', 'khong lien he', 'tu choi lien he'],
};

const BIRTHDAY_NAMES = ['ngay sinh', 'sinh nhat', 'birthday', 'birth date', 'date of birth', 'dob'];

/** Which found field identifies the contact: the source system's id first, then phone, then e-mail. */
const IDENTITY_PREFERENCE: readonly IdentityKey[] = ['externalId', 'phone', 'email'];

const DAY_FIRST = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
const DAY_FIRST_DASHED = /^\d{1,2}-\d{1,2}-\d{4}$/;
const DAY_FIRST_TIME = /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const NUMBER = /^-?(0|[1-9]\d*)([.,]\d+)?$/;
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'có', 'không', 'co', 'khong']);

/**
 * A first mapping for a file, from its header names (Vietnamese or English) and sample values: known names become
 * contact fields, the best key among them the identity, a birthday column the `dd/MM/yyyy` date `birthday`, and every other
 * column a string, number, boolean, date or date-time attribute keyed by the header's slug.
 */
export function proposeMapping(
  header: readonly string[],
  sampleRows: readonly (readonly string[])[],
): ColumnMapping[] {
  const usedFields = new Set<ContactField>();
  const usedKeys = new Set<string>();
  const targets: MappingTarget[] = header.map((name, index) => {
    const folded = fold(name);
    const field = (Object.keys(FIELD_NAMES) as ContactField[]).find(
      (candidate) => !usedFields.has(candidate) && FIELD_NAMES[candidate].includes(folded),
    );
    if (field) {
      usedFields.add(field);
      return { kind: 'field', field };
    }
    const values = sampleRows.map((row) => row[index]?.trim() ?? '').filter(Boolean);
    if (BIRTHDAY_NAMES.includes(folded))
      return {
        kind: 'attribute',
        key: uniqueKey('birthday', usedKeys),
        type: 'date',
        dateFormat: dateFormatOf(values),
      };
    return {
      kind: 'attribute',
      key: uniqueKey(slug(name) || `column_${index + 1}`, usedKeys),
      ...guessType(values),
    };
  });
  const identity = IDENTITY_PREFERENCE.find((key) => usedFields.has(key));
  return header.map((column, index) => {
    const target = targets[index];
    const isIdentity = target.kind === 'field' && target.field === identity;
    return { column, target: isIdentity ? { kind: 'identity', key: identity } : target };
  });
}

function guessType(
  values: string[],
): Pick<Extract<MappingTarget, { kind: 'attribute' }>, 'type' | 'dateFormat'> {
  if (values.length === 0) return { type: 'string' };
  if (values.every((value) => NUMBER.test(value))) return { type: 'number' };
  if (values.every((value) => BOOLEAN_WORDS.has(value.toLowerCase()))) return { type: 'boolean' };
  if (values.every((value) => DAY_FIRST_TIME.test(value)))
    return { type: 'datetime', dateFormat: 'dd/MM/yyyy HH:mm' };
  if (values.every((value) => ISO_DATE_TIME.test(value) && !ISO_DATE.test(value)))
    return { type: 'datetime', dateFormat: 'iso' };
  if (
    values.every((value) => DAY_FIRST.test(value) || DAY_FIRST_DASHED.test(value) || ISO_DATE.test(value))
  ) {
    return { type: 'date', dateFormat: dateFormatOf(values) };
  }
  return { type: 'string' };
}

function dateFormatOf(values: string[]): DateFormat {
  if (values.length > 0 && values.every((value) => ISO_DATE.test(value))) return 'yyyy-MM-dd';
  if (values.length > 0 && values.every((value) => DAY_FIRST_DASHED.test(value))) return 'dd-MM-yyyy';
  return 'dd/MM/yyyy';
}

/** Lower case without Vietnamese diacritics, words separated by single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** An attribute key from a header name: `Thành phố` → `thanh_pho`. */
export function slug(text: string): string {
  const words = fold(text).replace(/ /g, '_');
  const key = /^[a-z_]/.test(words) ? words : words ? `c_${words}` : '';
  return key.slice(0, 64);
}

function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let suffix = 2; used.has(key); suffix += 1) key = `${base.slice(0, 60)}_${suffix}`;
  used.add(key);
  return key;
}
