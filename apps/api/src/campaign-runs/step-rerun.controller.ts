import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { campaignIdParamsSchema } from '../campaigns/campaign.schemas';
import { Endpoint } from '../http/endpoint.decorator';
import {
  journeyRerunListSchema,
  stepRerunBodySchema,
  stepRerunParamsSchema,
  stepRerunResultSchema,
} from './step-rerun.schemas';
import { StepRerunService } from './step-rerun.service';

const TAGS = ['Campaign runs'];

/** Re-running a failed send step's contacts after a fix, and the record of those re-runs. */
@Controller('campaigns')
export class StepRerunController {
  constructor(private readonly reruns: StepRerunService) {}

  @Post(':id/steps/:stepId/rerun')
  @HttpCode(200)
  @Endpoint({
    summary:
      'Re-run a failed send step’s contacts after a fix: new journeys on the current version, from that step',
    description:
      'For every contact whose journey ended on a failed or blocked send at the step (`?failedAt=` of the ' +
      'enrollments list, minus journeys that went on down the failure handle, are running, were entered again ' +
      'or re-run already), starts a new journey on the campaign’s current version entering at that step, with ' +
      'the failed journey’s entry event. Each failed journey is re-run at most once, however often this is ' +
      'called; its sends have idempotency keys of their own. Answers who was re-run and who skipped, and why. ' +
      'Recorded (GET …/reruns) and audited as `campaign.step_rerun`. 409 when the campaign is not active; 422 ' +
      'when the step is not a send step of the current version; 503 when Temporal did not take every start ' +
      '(call again: the rest are re-run, the started ones skipped).',
    tags: TAGS,
    access: Access.write,
    params: stepRerunParamsSchema,
    body: stepRerunBodySchema,
    response: stepRerunResultSchema,
    responses: {
      409: { description: 'The campaign is not active' },
      503: { description: 'Temporal is unreachable' },
    },
  })
  async rerun(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof stepRerunParamsSchema>,
    @Body() body: z.infer<typeof stepRerunBodySchema>,
  ) {
    return this.reruns.rerun(principal, params.id, params.stepId, body);
  }

  @Get(':id/reruns')
  @Endpoint({
    summary: 'The campaign’s step re-runs, newest first: who, when, which step and version, how many',
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    response: journeyRerunListSchema,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof campaignIdParamsSchema>,
  ) {
    return this.reruns.list(principal, params.id);
  }
}
