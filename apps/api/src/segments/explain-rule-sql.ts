import type { RuleGroup } from '@loa/engine';
import { compileRule, observeRule, type RuleSqlContext } from './compile-rule-to-sql';
import { holds } from './comparison-sql';
import type { LeafOutcome } from './segment-explanation';
import { leafRules } from './segment-rule.schema';

/**
 * SELECT columns with each leaf rule's outcome and the value it looked at (`passed_N`, `observed_N`), compiled by
 * the same compiler as the membership WHERE clause, in `leafRules` order.
 */
export function explainColumns(rule: RuleGroup, context: RuleSqlContext): string[] {
  return leafRules(rule).flatMap(({ rule: leaf }, index) => [
    `${holds(compileRule(leaf, context))} AS passed_${index}`,
    `${observeRule(leaf, context)} AS observed_${index}`,
  ]);
}

/** The leaf outcomes of one row selected with `explainColumns`. */
export function leafOutcomes(rule: RuleGroup, row: Record<string, unknown>): LeafOutcome[] {
  return leafRules(rule).map((_, index) => ({
    passed: row[`passed_${index}`] === true,
    observed: row[`observed_${index}`] ?? null,
  }));
}
