import { ruleGroupSchema, type Rule, type RuleGroup } from '@loa/engine';
import type { z } from 'zod';

const MAX_DEPTH = 6;
const MAX_RULES = 200;

type Issue = { path: PropertyKey[]; message: string };

/**
 * A segment's rule tree: the engine's `branch.condition` vocabulary, less `send_outcome` (a segment has no
 * journey whose sends it could look at), at most six groups deep and 200 rules in all.
 */
export const segmentRuleSchema = ruleGroupSchema.superRefine((group, context) => {
  for (const issue of segmentRuleIssues(group)) context.addIssue({ code: 'custom', ...issue });
});

export type SegmentRuleGroup = z.infer<typeof segmentRuleSchema>;

function segmentRuleIssues(root: RuleGroup): Issue[] {
  const issues: Issue[] = [];
  let count = 0;
  const visit = (group: RuleGroup, path: PropertyKey[], depth: number) => {
    if (depth > MAX_DEPTH) {
      issues.push({ path, message: `groups may nest at most ${MAX_DEPTH} deep` });
      return;
    }
    group.rules.forEach((rule: Rule | RuleGroup, index) => {
      const at = [...path, 'rules', index];
      if ('match' in rule) return visit(rule, at, depth + 1);
      count += 1;
      if (rule.kind === 'send_outcome')
        issues.push({
          path: [...at, 'kind'],
          message: 'send_outcome looks at a campaign step and cannot be used in a segment',
        });
    });
  };
  visit(root, [], 1);
  if (count > MAX_RULES) issues.push({ path: [], message: `a segment may have at most ${MAX_RULES} rules` });
  return issues;
}

/** Every leaf rule with its path under the tree (`["rules", 0, "rules", 2]`), depth first. */
export function leafRules(
  group: RuleGroup,
  path: PropertyKey[] = [],
): Array<{ rule: Rule; path: PropertyKey[] }> {
  return group.rules.flatMap((rule, index) =>
    'match' in rule
      ? leafRules(rule, [...path, 'rules', index])
      : [{ rule, path: [...path, 'rules', index] }],
  );
}
