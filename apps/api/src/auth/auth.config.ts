/** Session and rate-limit policy; durations in milliseconds. */
export const SESSION_COOKIE = 'loa_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_ABSOLUTE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_IDLE_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const API_KEY_CACHE_TTL_MS = 5 * 1000;
export const API_KEY_TOUCH_INTERVAL_MS = 60 * 1000;
