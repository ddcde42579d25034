import type { z } from 'zod';

/** A zod error as one readable line per problem: where in the body, and what was wrong ("checks.redis.status: …"). */
export function describeIssues(error: z.ZodError, subject = 'the body'): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : subject}: ${issue.message}`)
    .join('; ');
}
