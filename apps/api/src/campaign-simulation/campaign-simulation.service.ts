import { Injectable } from '@nestjs/common';
import { simulate, type SimulationInput } from '@loa/engine';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { invalidCampaign } from '../campaigns/campaign-diagnostics';
import { findCampaign } from '../campaigns/campaign-store';
import { loadValidationContext } from '../campaigns/campaign-validation-context';
import { ContactsService } from '../contacts/contacts.service';
import { problems } from '../http/problem';
import { simulationContacts } from './simulation-contacts';
import type { SimulateBody } from './simulation.schemas';

/** Runs the engine's simulator on a campaign's draft or one of its versions; sends nothing, stores nothing. */
@Injectable()
export class CampaignSimulationService {
  constructor(
    private readonly db: DataSource,
    private readonly contacts: ContactsService,
  ) {}

  async simulate(principal: Principal, campaignId: string, body: SimulateBody) {
    const manager = this.db.manager;
    const campaign = await findCampaign(manager, principal.workspaceId, campaignId);
    const graph =
      body.version === undefined ? campaign.draft_graph : await this.versionGraph(campaignId, body.version);
    const input = {
      graph,
      context: await loadValidationContext(manager, principal.workspaceId),
      contacts: await simulationContacts(manager, this.contacts, principal.workspaceId, body.contacts),
      ...(body.events !== undefined && { events: body.events }),
      ...(body.outcomes !== undefined && { outcomes: body.outcomes }),
      ...(body.prices !== undefined && { prices: body.prices }),
      ...(body.startAt !== undefined && { startAt: body.startAt }),
      ...(body.until !== undefined && { until: body.until }),
    } as SimulationInput;
    const result = simulate(input);
    if (!result.ok) {
      if (result.inputErrors.length > 0)
        throw problems.validation(
          result.inputErrors.map((error) => ({ in: 'body', field: error.path, message: error.message })),
        );
      throw invalidCampaign(result.diagnostics);
    }
    return result;
  }

  private async versionGraph(campaignId: string, version: number): Promise<unknown> {
    const rows: Array<{ graph: unknown }> = await this.db.query(
      'SELECT graph FROM campaign_versions WHERE campaign_id = $1 AND version = $2',
      [campaignId, version],
    );
    if (!rows[0]) throw problems.field('body', 'version', 'is not a version of this campaign');
    return rows[0].graph;
  }
}
