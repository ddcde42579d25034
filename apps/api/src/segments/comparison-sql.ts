import type { ComparisonOperator, Scalar } from '@loa/engine';
import type { SqlParams } from './sql-params';

export type ExpectedValue = Scalar | Scalar[] | undefined;

/** A decimal number in text, as JavaScript's Number() reads it (hexadecimal and the like aside). */
const NUMERIC_TEXT = String.raw`^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$`;

/**
 * SQL that decides one comparison exactly as the engine's `compare()` does, over a jsonb value (`json`, SQL null
 * when the field is missing): numbers compare as numbers (numeric text included), text in NFC, `contains`
 * case-insensitively or as an array element, ordering of two texts by code point.
 *
 * The expression is true when the comparison holds, and false or null when it does not: rule trees only combine
 * rules with AND and OR, under which null acts as false, and each negation here first turns null into false. Plain
 * `a = b` clauses (rather than null-safe wrappers) let the planner estimate them, and so choose index probes.
 */
export function comparisonSql(input: {
  /** The jsonb value compared; built on first use, so a comparison that needs no value adds no parameter. */
  json: () => string;
  operator: ComparisonOperator;
  expected: ExpectedValue;
  params: SqlParams;
  /** The attribute is declared a number: its stored values are JSON numbers. */
  numberTyped?: boolean;
}): string {
  const { json, operator, expected, params } = input;
  const sql = new ComparisonSql(json, params, input.numberTyped ?? false);
  switch (operator) {
    case 'exists':
      return sql.exists();
    case 'not_exists':
      return not(sql.exists());
    case 'equals':
      return sql.equal(expected);
    case 'not_equals':
      return not(sql.equal(expected));
    case 'contains':
      return sql.contains(expected);
    case 'not_contains':
      return not(sql.contains(expected));
    case 'starts_with':
      return typeof expected === 'string'
        ? `starts_with(${sql.text()}, ${params.add(expected, 'text')})`
        : 'false';
    case 'greater_than':
      return sql.ordered('>', expected);
    case 'greater_or_equal':
      return sql.ordered('>=', expected);
    case 'less_than':
      return sql.ordered('<', expected);
    case 'less_or_equal':
      return sql.ordered('<=', expected);
    case 'in':
      return Array.isArray(expected) ? sql.equalAny(expected) : 'false';
    case 'not_in':
      return Array.isArray(expected) ? not(sql.equalAny(expected)) : 'false';
  }
}

/** JavaScript's reading of a value as a finite number, as the engine does it. */
export function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** True or false, never null, for an expression where null means "does not hold". */
export function holds(expression: string): string {
  return `COALESCE(${expression}, false)`;
}

function not(expression: string): string {
  return `NOT ${holds(expression)}`;
}

class ComparisonSql {
  private jsonSql: string | undefined;

  constructor(
    private readonly jsonOf: () => string,
    private readonly params: SqlParams,
    private readonly numberTyped: boolean,
  ) {}

  private get json(): string {
    return (this.jsonSql ??= this.jsonOf());
  }

  private typeIs(type: string): string {
    return `jsonb_typeof(${this.json}) = '${type}'`;
  }

  text(): string {
    return `CASE WHEN ${this.typeIs('string')} THEN ${this.json} #>> '{}' END`;
  }

  number(): string {
    const fromNumber = `WHEN ${this.typeIs('number')} THEN (${this.json})::numeric`;
    if (this.numberTyped) return `CASE ${fromNumber} END`;
    const fromText = `WHEN ${this.typeIs('string')} AND (${this.json} #>> '{}') ~ '${NUMERIC_TEXT}' THEN (${this.json} #>> '{}')::numeric`;
    return `CASE ${fromNumber} ${fromText} END`;
  }

  exists(): string {
    return `jsonb_typeof(${this.json}) <> 'null'`;
  }

  equal(expected: ExpectedValue): string {
    if (expected === undefined) return `(${this.json} IS NULL)`;
    if (expected === null) return `(${this.typeIs('null')})`;
    if (typeof expected === 'boolean')
      return `(${this.json} = ${this.params.add(JSON.stringify(expected), 'jsonb')})`;
    if (typeof expected === 'number')
      return `(${this.number()} = ${this.params.add(String(expected), 'numeric')})`;
    if (Array.isArray(expected)) return 'false';
    // Any text can be normalised, so the type test needs no CASE to guard it.
    const asText = `(${this.typeIs('string')} AND normalize(${this.json} #>> '{}', NFC) = ${this.params.add(expected.normalize('NFC'), 'text')})`;
    const asNumber = toFiniteNumber(expected);
    if (asNumber === undefined) return asText;
    const numeric = this.params.add(String(asNumber), 'numeric');
    return `(${asText} OR (CASE WHEN ${this.typeIs('number')} THEN (${this.json})::numeric = ${numeric} END))`;
  }

  equalAny(candidates: Scalar[]): string {
    if (candidates.length === 0) return 'false';
    return `(${candidates.map((candidate) => this.equal(candidate)).join(' OR ')})`;
  }

  contains(expected: ExpectedValue): string {
    const item = new ComparisonSql(() => 'item.value', this.params, false);
    const inArray = `EXISTS (SELECT 1 FROM jsonb_array_elements(${this.json}) AS item(value) WHERE ${item.equal(expected)})`;
    const inText =
      typeof expected === 'string'
        ? `WHEN ${this.typeIs('string')} THEN strpos(lower(normalize(${this.json} #>> '{}', NFC)), ${this.params.add(expected.normalize('NFC').toLocaleLowerCase('vi'), 'text')}) > 0`
        : '';
    return `(CASE WHEN ${this.typeIs('array')} THEN ${inArray} ${inText} END)`;
  }

  ordered(operator: '>' | '>=' | '<' | '<=', expected: ExpectedValue): string {
    const asNumber = toFiniteNumber(expected);
    if (asNumber !== undefined) {
      const byNumber = `${this.number()} ${operator} ${this.params.add(String(asNumber), 'numeric')}`;
      if (typeof expected !== 'string') return `(${byNumber})`;
      const byText = `(${this.json} #>> '{}') COLLATE "C" ${operator} ${this.params.add(expected, 'text')} COLLATE "C"`;
      return `(CASE WHEN ${this.number()} IS NOT NULL THEN ${byNumber} WHEN ${this.typeIs('string')} THEN ${byText} END)`;
    }
    if (typeof expected !== 'string') return 'false';
    return `(CASE WHEN ${this.typeIs('string')} THEN (${this.json} #>> '{}') COLLATE "C" ${operator} ${this.params.add(expected, 'text')} COLLATE "C" END)`;
  }
}
