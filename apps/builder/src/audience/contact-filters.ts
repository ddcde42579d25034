/** The contact list's filters, kept in the address (?q=&tag=&hasPhone=...) so a filtered list can be shared. */
export const CONSENT_CHANNELS = ['zns', 'oa', 'sms', 'email'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const CONSENT_STATES = ['granted', 'denied', 'unknown'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export type YesNo = 'true' | 'false';

export interface ContactFilters {
  q?: string;
  tag?: string;
  hasPhone?: YesNo;
  hasEmail?: YesNo;
  doNotContact?: YesNo;
  consentChannel?: ConsentChannel;
  consentState?: ConsentState;
}

const YES_NO_KEYS = ['hasPhone', 'hasEmail', 'doNotContact'] as const;

const isYesNo = (value: string | null): value is YesNo => value === 'true' || value === 'false';

export function filtersFromParams(params: URLSearchParams): ContactFilters {
  const filters: ContactFilters = {};
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  const tag = params.get('tag')?.trim();
  if (tag) filters.tag = tag;
  for (const key of YES_NO_KEYS) {
    const value = params.get(key);
    if (isYesNo(value)) filters[key] = value;
  }
  const channel = params.get('consentChannel');
  const state = params.get('consentState');
  if (
    (CONSENT_CHANNELS as readonly string[]).includes(channel ?? '') &&
    (CONSENT_STATES as readonly string[]).includes(state ?? '')
  ) {
    filters.consentChannel = channel as ConsentChannel;
    filters.consentState = state as ConsentState;
  }
  return filters;
}

export function filtersToParams(filters: ContactFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

/** The query of GET /contacts for these filters (consent as `consent.<channel>=<state>`). */
export function contactListQuery(filters: ContactFilters): Record<string, string> {
  const { consentChannel, consentState, ...rest } = filters;
  const query = filtersToParams(rest);
  if (consentChannel && consentState) query[`consent.${consentChannel}`] = consentState;
  return query;
}

export function hasFilters(filters: ContactFilters): boolean {
  return Object.values(filters).some(Boolean);
}
