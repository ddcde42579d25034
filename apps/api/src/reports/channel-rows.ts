/** A row of the channel report's query: one channel, account and cost currency. */
export interface ChannelRow {
  channel: string;
  account_id: string;
  name: string;
  kind: string;
  messages: string;
  sent: string;
  delivered: string;
  seen: string;
  failed: string;
  cost_currency: string | null;
  cost: string | null;
}

/** One account's figures, from its rows per cost currency (in the query's order). */
export function accountRows(rows: ChannelRow[]) {
  const accounts = new Map<
    string,
    Pick<ChannelRow, 'channel' | 'name' | 'kind'> & {
      accountId: string;
      messages: number;
      sent: number;
      delivered: number;
      seen: number;
      failed: number;
      costs: Map<string, number>;
    }
  >();
  for (const row of rows) {
    const key = `${row.channel} ${row.account_id}`;
    const account = accounts.get(key) ?? {
      channel: row.channel,
      accountId: row.account_id,
      name: row.name,
      kind: row.kind,
      messages: 0,
      sent: 0,
      delivered: 0,
      seen: 0,
      failed: 0,
      costs: new Map<string, number>(),
    };
    account.messages += Number(row.messages);
    account.sent += Number(row.sent);
    account.delivered += Number(row.delivered);
    account.seen += Number(row.seen);
    account.failed += Number(row.failed);
    if (row.cost_currency !== null && row.cost !== null)
      account.costs.set(row.cost_currency, (account.costs.get(row.cost_currency) ?? 0) + Number(row.cost));
    accounts.set(key, account);
  }
  return [...accounts.values()];
}
