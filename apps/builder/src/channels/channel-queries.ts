import type { paths } from '@loa/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';
import type { JsonBody } from '../api/json-body';

export type ChannelAccount = JsonBody<paths['/channel-accounts/{id}']['get']['responses'][200]>;
export type ChannelKind = ChannelAccount['kind'];
export type ChannelAccountStatus = ChannelAccount['status'];
export type ZnsTemplate = JsonBody<paths['/templates/zns']['get']['responses'][200]>['items'][number];
export type SmsPrice = JsonBody<paths['/channel-accounts/{id}/sms-pricing']['get']['responses'][200]>;
export type TestMessageBody = NonNullable<
  paths['/channel-accounts/{id}/test-message']['post']['requestBody']
>['content']['application/json'];
export type TestMessageResult = JsonBody<
  paths['/channel-accounts/{id}/test-message']['post']['responses'][200]
>;

/**
 * The list and the templates share their keys and cached answers with the editor's step forms
 * (editor/config/queries.ts), so that a change made here shows there too.
 */
export const channelKeys = {
  list: ['channel-accounts'] as const,
  one: (id: string) => ['channel-accounts', 'one', id] as const,
  templates: (id: string) => ['zns-templates', id] as const,
  smsPrice: (id: string) => ['sms-price', id] as const,
};

export function useChannelAccounts() {
  return useQuery({
    queryKey: channelKeys.list,
    queryFn: () => unwrap(api.GET('/channel-accounts')),
    select: (answer) => answer.items,
  });
}

export function useChannelAccount(id: string) {
  return useQuery({
    queryKey: channelKeys.one(id),
    queryFn: () => unwrap(api.GET('/channel-accounts/{id}', { params: { path: { id } } })),
  });
}

/** After a change the account's own query takes the answer and the list is read again. */
function useAccountChange<Input>(mutationFn: (input: Input) => Promise<ChannelAccount>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (account) => {
      queryClient.setQueryData(channelKeys.one(account.id), account);
      await queryClient.invalidateQueries({ queryKey: channelKeys.list, exact: true });
    },
  });
}

export function useCreateChannelAccount() {
  return useAccountChange((body: { kind: ChannelKind; name: string; config: Record<string, unknown> }) =>
    unwrap(api.POST('/channel-accounts', { body })),
  );
}

export function useUpdateChannelAccount(id: string) {
  return useAccountChange(
    (body: {
      name?: string;
      config?: Record<string, unknown>;
      disabled?: boolean;
      sendRatePerSecond?: number | null;
    }) => unwrap(api.PATCH('/channel-accounts/{id}', { params: { path: { id } }, body })),
  );
}

/** Deletes an account that never sent (the API answers 409 for one with messages in the ledger). */
export function useDeleteChannelAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/channel-accounts/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: channelKeys.one(id), exact: true });
      await queryClient.invalidateQueries({ queryKey: channelKeys.list, exact: true });
    },
  });
}

export function useTestConnection(id: string) {
  return useAccountChange(() =>
    unwrap(api.POST('/channel-accounts/{id}/test', { params: { path: { id } } })),
  );
}

export function useSendTestMessage(id: string) {
  return useMutation({
    mutationFn: (body: TestMessageBody) =>
      unwrap(api.POST('/channel-accounts/{id}/test-message', { params: { path: { id } }, body })),
  });
}

/** Answers Zalo's consent URL, where the browser goes next. */
export function useStartZaloConnect(id: string) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/channel-accounts/{id}/zalo/connect', { params: { path: { id } } })),
  });
}

export function useZnsTemplates(accountId: string, enabled: boolean) {
  return useQuery({
    queryKey: channelKeys.templates(accountId),
    enabled,
    queryFn: () => unwrap(api.GET('/templates/zns', { params: { query: { accountId } } })),
    select: (answer) => answer.items,
  });
}

export function useSyncZnsTemplates(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/channel-accounts/{id}/zns-templates/sync', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelKeys.templates(id) }),
  });
}

export function useSmsPrice(id: string, enabled: boolean) {
  return useQuery({
    queryKey: channelKeys.smsPrice(id),
    enabled,
    queryFn: () => unwrap(api.GET('/channel-accounts/{id}/sms-pricing', { params: { path: { id } } })),
  });
}

export function useSetSmsPrice(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currency: string; perSegment: number }) =>
      unwrap(api.PUT('/channel-accounts/{id}/sms-pricing', { params: { path: { id } }, body })),
    onSuccess: (price) => queryClient.setQueryData(channelKeys.smsPrice(id), price),
  });
}
