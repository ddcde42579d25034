const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a journey's id (campaign, account) is a database id; engine tests and tools use other names. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
