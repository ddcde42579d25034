import type { Response } from 'express';
import { problemTitle, type ProblemDocument } from './problem';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Writes an RFC 9457 problem document; `type` defaults to about:blank as the RFC says. */
export function sendProblem(
  res: Response,
  problem: { status: number; type?: string; title?: string; detail?: string } & Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  const body: ProblemDocument = {
    type: problem.type ?? 'about:blank',
    title: problem.title ?? problemTitle(problem.status),
    ...problem,
  };
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
