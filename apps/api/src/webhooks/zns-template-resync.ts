import { Injectable, Logger } from '@nestjs/common';
import { ZnsTemplatesService } from '../channels/zalo/zns-templates.service';

/** What a `change_template_status` webhook asks for: that one template read again from Zalo. */
export interface ZnsTemplateResync {
  resync(input: { workspaceId: string; accountId: string; templateId: string }): Promise<string>;
}

export const ZNS_TEMPLATE_RESYNC = Symbol('ZNS_TEMPLATE_RESYNC');

/** Through the ZNS template sync of the channels module; a failed sync is reported, not retried (the schedule is). */
@Injectable()
export class SyncOneZnsTemplate implements ZnsTemplateResync {
  private readonly logger = new Logger(SyncOneZnsTemplate.name);

  constructor(private readonly templates: ZnsTemplatesService) {}

  async resync(input: { workspaceId: string; accountId: string; templateId: string }): Promise<string> {
    const result = await this.templates.syncTemplate(input.accountId, input.templateId);
    if (result.ok) return 'template synced';
    this.logger.warn('Could not sync a ZNS template after its status changed', {
      ...input,
      detail: result.detail,
    });
    return `template sync failed: ${result.detail}`;
  }
}
