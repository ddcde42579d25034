import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { problems } from '../http/problem';
import { type ContactReference, resolveContactReferences } from './contact-references';
import type { EnrollResult } from './enrollment.schemas';
import { type CampaignEntry, JourneyStarter } from './journey-starter.service';

const PARALLEL_STARTS = 8;

/** `trigger.manual` and API entry: contacts named by id or identity enter the campaign's current version. */
@Injectable()
export class ManualEnrollmentService {
  constructor(
    private readonly db: DataSource,
    private readonly starter: JourneyStarter,
  ) {}

  async enroll(
    workspaceId: string,
    campaignId: string,
    references: ContactReference[],
  ): Promise<EnrollResult> {
    const entry = await this.entryOf(workspaceId, campaignId);
    const contactIds = await resolveContactReferences(this.db, workspaceId, references);
    const seen = new Set<string>();
    const results: EnrollResult['results'] = new Array(references.length);
    const toStart: Array<{ index: number; contactId: string }> = [];
    references.forEach((ref, index) => {
      const contactId = contactIds[index] ?? null;
      if (contactId === null)
        results[index] = { ref, contactId, status: 'skipped', reason: 'contact_not_found' };
      else if (seen.has(contactId))
        results[index] = { ref, contactId, status: 'skipped', reason: 'duplicate' };
      else {
        seen.add(contactId);
        toStart.push({ index, contactId });
      }
    });
    let next = 0;
    const startNext = async (): Promise<void> => {
      while (next < toStart.length) {
        const { index, contactId } = toStart[next++]!;
        const outcome = await this.starter.enter(entry, contactId);
        results[index] = { ref: references[index]!, ...outcome };
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_STARTS }, startNext));
    const started = results.filter((result) => result.status === 'started').length;
    return { started, skipped: results.length - started, results };
  }

  private async entryOf(workspaceId: string, campaignId: string): Promise<CampaignEntry> {
    const active = await this.starter.activeEntry(workspaceId, campaignId);
    if (active.entry === null) {
      if (active.state === null) throw problems.notFound('Campaign');
      throw problems.conflict(`A campaign that is ${active.state} takes no new entries (it must be active)`, {
        type: 'urn:loa:problem:campaign-state',
        state: active.state,
      });
    }
    if (active.entry.plan.trigger.type === 'trigger.event')
      throw problems.conflict('An event-triggered campaign is entered by its event, not by API', {
        type: 'urn:loa:problem:campaign-trigger',
        trigger: active.entry.plan.trigger.type,
      });
    return active.entry;
  }
}
