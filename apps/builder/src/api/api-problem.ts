/** A field the API named in a 4xx problem document (`errors[]`). */
export interface FieldProblem {
  in?: string;
  field: string;
  message: string;
}

/** An RFC 9457 problem the API answered, or a network failure (status 0). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly type: string | undefined,
    readonly fieldErrors: FieldProblem[],
    /** The whole problem document, for the fields a route adds (e.g. `currentRevision` on a stale save). */
    readonly body: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }

  static from(status: number, body: unknown): ApiProblem {
    const document = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const errors = Array.isArray(document['errors']) ? (document['errors'] as FieldProblem[]) : [];
    return new ApiProblem(
      status,
      text(document['title']) ?? `HTTP ${status}`,
      text(document['detail']),
      text(document['type']),
      errors.filter((error) => typeof error?.field === 'string'),
      document,
    );
  }
}

export const isProblem = (error: unknown, status?: number): error is ApiProblem =>
  error instanceof ApiProblem && (status === undefined || error.status === status);
