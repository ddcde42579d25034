import { HttpException } from '@nestjs/common';

export type FieldLocation = 'body' | 'query' | 'path' | 'header' | 'file';

export interface FieldError {
  in: FieldLocation;
  /** Dotted path of the offending field, e.g. `phone` or `consents.sms.state`. */
  field: string;
  message: string;
}

/** An RFC 9457 problem document as Loa answers it (`application/problem+json`). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problemTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request error');
}

/** A failure the caller caused (or must know about), answered as problem+json by the problem filter. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly detail: string,
    readonly extra: { type?: string; errors?: FieldError[]; headers?: Record<string, string> } & Record<
      string,
      unknown
    > = {},
  ) {
    super(detail, status);
  }
}

export const problems = {
  validation: (errors: FieldError[], detail?: string) =>
    new ProblemException(422, detail ?? describeFieldErrors(errors), {
      type: 'urn:loa:problem:validation',
      errors,
    }),
  field: (location: FieldLocation, field: string, message: string, status = 422) =>
    new ProblemException(status, `${field}: ${message}`, {
      type: 'urn:loa:problem:validation',
      errors: [{ in: location, field, message }],
    }),
  notFound: (what: string) => new ProblemException(404, `${what} was not found`),
  conflict: (detail: string, extra: Record<string, unknown> = {}) => new ProblemException(409, detail, extra),
  unauthorized: (detail = 'Sign in or present an API key') => new ProblemException(401, detail),
  forbidden: (detail: string) => new ProblemException(403, detail),
  badRequest: (detail: string) => new ProblemException(400, detail),
  tooLarge: (detail: string) => new ProblemException(413, detail),
};

export function describeFieldErrors(errors: FieldError[]): string {
  const shown = errors.slice(0, 3).map((error) => `${error.field}: ${error.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}
