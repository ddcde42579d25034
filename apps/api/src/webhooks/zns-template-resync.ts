/**
 * Seam to the ZNS template sync (the `zalo` part of issue 9): a `change_template_status` webhook asks for that one
 * template to be synced again. Bind ZNS_TEMPLATE_RESYNC to the template sync once it exists; until then the webhook
 * is only recorded (the stored receipt shows the template and its new status).
 */
export interface ZnsTemplateResync {
  resync(input: { workspaceId: string; accountId: string; templateId: string }): Promise<void>;
}

export const ZNS_TEMPLATE_RESYNC = Symbol('ZNS_TEMPLATE_RESYNC');

export const recordOnlyTemplateResync: ZnsTemplateResync = { resync: async () => undefined };
