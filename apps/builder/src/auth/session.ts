import type { paths } from '@loa/api-contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from '../api/api-client';
import { isProblem } from '../api/api-problem';

export type Me = paths['/auth/me']['get']['responses'][200]['content']['application/json'];
export type Role = Me['role'];

export const SESSION_KEY = ['session'] as const;

/** The signed-in user (null when signed out), from GET /auth/me; keeps the CSRF token for changes. */
export async function fetchSession(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/auth/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isProblem(error, 401)) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

/** The session of a screen inside the signed-in shell (which renders only once it exists). */
export function useMe(): Me {
  const me = useQueryClient().getQueryData<Me | null>(SESSION_KEY);
  if (!me) throw new Error('useMe is used outside the signed-in shell');
  return me;
}

export async function signIn(email: string, password: string): Promise<Me> {
  const me = await unwrap(api.POST('/auth/login', { body: { email, password } }));
  setCsrfToken(me.csrfToken);
  return me;
}

export async function signOut(): Promise<void> {
  await unwrap(api.POST('/auth/logout'));
  setCsrfToken(undefined);
}

/** Accept an invitation (POST /auth/invitations/accept), which also signs the invitee in. */
export async function acceptInvitation(token: string, name: string, password: string): Promise<Me> {
  const me = await unwrap(api.POST('/auth/invitations/accept', { body: { token, name, password } }));
  setCsrfToken(me.csrfToken);
  return me;
}
