import { nodeCatalogue, type NodeType } from '@loa/engine/browser';

/** The parts of a zod 4 issue this check reads. */
interface ShapeIssue {
  code: string;
  errors?: ShapeIssue[][];
}

/** A branch of a union fits when one of its alternatives has no type error. */
const isTypeError = (issue: ShapeIssue): boolean =>
  issue.code === 'invalid_type' ||
  (issue.code === 'invalid_union' &&
    (issue.errors ?? []).length > 0 &&
    (issue.errors ?? []).every((branch) => branch.some(isTypeError)));

/**
 * Whether a step's config has the shape of its type: every field of the right data type (an array where an array
 * goes…). An unfinished config (an empty template id, no rules yet) has the right shape: the problems panel reports
 * it, while a config of the wrong shape would break the canvas.
 */
export function hasConfigShape(type: NodeType, data: unknown): boolean {
  const result = nodeCatalogue[type].schema.safeParse(data);
  return result.success || !(result.error.issues as ShapeIssue[]).some(isTypeError);
}
