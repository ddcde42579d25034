/**
 * The rows a statement answered. TypeORM's postgres driver answers UPDATE and DELETE as `[rows, affected]` and every
 * other command as its rows; the embedded PGlite driver (`npm run dev`) answers the rows alone for all of them.
 */
export function returnedRows<T>(result: unknown): T[] {
  const answer = result as unknown[];
  const isUpdate = answer.length === 2 && Array.isArray(answer[0]) && typeof answer[1] === 'number';
  return (isUpdate ? answer[0] : answer) as T[];
}
