import { ZALO_CONNECT_ERRORS, type ZaloConnectError } from '@loa/api-contract';
import { ProblemException } from '../../http/problem';

export { ZALO_CONNECT_ERRORS, type ZaloConnectError };

export function zaloConnectProblem(status: number, code: ZaloConnectError, detail: string): ProblemException {
  return new ProblemException(status, detail, { zaloError: code });
}

/** The code a failed callback reports: the one its problem carries, else `connect_failed`. */
export function zaloConnectErrorOf(problem: ProblemException): ZaloConnectError {
  const code = problem.extra['zaloError'];
  return ZALO_CONNECT_ERRORS.find((known) => known === code) ?? 'connect_failed';
}
