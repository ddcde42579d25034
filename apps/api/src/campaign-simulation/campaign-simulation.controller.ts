import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { campaignIdParamsSchema } from '../campaigns/campaign.schemas';
import { Endpoint } from '../http/endpoint.decorator';
import { CampaignSimulationService } from './campaign-simulation.service';
import { simulateBodySchema, simulationResultSchema } from './simulation.schemas';

@Controller('campaigns')
export class CampaignSimulationController {
  constructor(private readonly simulation: CampaignSimulationService) {}

  @Post(':id/simulate')
  @HttpCode(200)
  @Endpoint({
    summary:
      'Simulate the draft (or a version) on real or sample contacts, with scripted events and outcomes',
    description:
      'The engine’s simulator on a virtual clock: paths, rendered messages and costs per contact. Sends and ' +
      'stores nothing, so analysts may call it too. 422 names bad fields (`contacts.0.contactId`, ' +
      '`events.1.at`, ...) or lists the graph’s error diagnostics.',
    tags: ['Campaigns'],
    access: Access.read,
    readOnly: true,
    params: campaignIdParamsSchema,
    body: simulateBodySchema,
    response: simulationResultSchema,
  })
  async simulate(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof campaignIdParamsSchema>,
    @Body() body: z.infer<typeof simulateBodySchema>,
  ) {
    return this.simulation.simulate(principal, params.id, body);
  }
}
