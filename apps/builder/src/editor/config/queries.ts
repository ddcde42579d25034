import type { paths } from '@loa/api-contract';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import type { JsonBody } from '../../api/json-body';
import { useSettled } from '../../shell/use-settled';

export type ChannelAccount = JsonBody<paths['/channel-accounts']['get']['responses'][200]>['items'][number];
export type AccountChannel = ChannelAccount['channels'][number];
export type ZnsTemplate = JsonBody<paths['/templates/zns']['get']['responses'][200]>['items'][number];
export type MappingTargets = JsonBody<paths['/templates/mapping-targets']['get']['responses'][200]>;
export type Segment = JsonBody<paths['/segments']['get']['responses'][200]>['items'][number];
export type SmsPreviewRequest = NonNullable<
  paths['/templates/sms/preview']['post']['requestBody']
>['content']['application/json'];
export type SmsPreview = JsonBody<paths['/templates/sms/preview']['post']['responses'][200]>;

const MINUTE = 60_000;

export const configKeys = {
  accounts: ['channel-accounts'] as const,
  znsTemplates: (accountId: string) => ['zns-templates', accountId] as const,
  mappingTargets: ['mapping-targets'] as const,
  segments: ['segments'] as const,
  smsPreview: (request: SmsPreviewRequest) => ['sms-preview', request] as const,
};

export function useChannelAccounts() {
  return useQuery({
    queryKey: configKeys.accounts,
    queryFn: () => unwrap(api.GET('/channel-accounts')),
    select: (answer) => answer.items,
    staleTime: MINUTE,
  });
}

export function useZnsTemplates(accountId: string | undefined) {
  return useQuery({
    queryKey: configKeys.znsTemplates(accountId ?? ''),
    queryFn: () => unwrap(api.GET('/templates/zns', { params: { query: { accountId: accountId ?? '' } } })),
    select: (answer) => answer.items,
    enabled: Boolean(accountId),
    staleTime: MINUTE,
  });
}

/** Contact fields, attributes, recent events with their properties, campaign fields: for mapping and completion. */
export function useMappingTargets() {
  return useQuery({
    queryKey: configKeys.mappingTargets,
    queryFn: () => unwrap(api.GET('/templates/mapping-targets', { params: { query: { days: 30 } } })),
    staleTime: 5 * MINUTE,
  });
}

export function useSegments() {
  return useQuery({
    queryKey: configKeys.segments,
    queryFn: () => unwrap(api.GET('/segments')),
    select: (answer) => answer.items,
    staleTime: MINUTE,
  });
}

/** The API's rendering of an SMS (cost with the account's price), asked for once typing pauses. */
export function useSmsPreview(request: SmsPreviewRequest, enabled: boolean) {
  const settled = useSettled(request, 400);
  return useQuery({
    queryKey: configKeys.smsPreview(settled),
    queryFn: () => unwrap(api.POST('/templates/sms/preview', { body: settled })),
    enabled: enabled && Boolean(settled.text),
    placeholderData: (previous) => previous,
    staleTime: MINUTE,
  });
}
