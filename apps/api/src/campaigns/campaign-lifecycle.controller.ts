import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal, type UserPrincipal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import { CampaignLifecycleService } from './campaign-lifecycle.service';
import {
  campaignIdParamsSchema,
  campaignSchema,
  publishResultSchema,
  rejectBodySchema,
} from './campaign.schemas';

const TAGS = ['Campaigns'];
type Params = z.infer<typeof campaignIdParamsSchema>;
const STATE_CONFLICT = { 409: { description: 'The campaign is in a state that does not allow this' } };

/** Approval, publishing and the run controls (DESIGN §6: the runtime obeys campaignState). */
@Controller('campaigns')
export class CampaignLifecycleController {
  constructor(private readonly lifecycle: CampaignLifecycleService) {}

  @Post(':id/submit')
  @HttpCode(200)
  @Endpoint({
    summary: 'Submit the draft for approval (422 when it has errors)',
    tags: TAGS,
    access: Access.write,
    params: campaignIdParamsSchema,
    response: campaignSchema,
    responses: STATE_CONFLICT,
  })
  async submit(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.lifecycle.submit(principal, params.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Endpoint({
    summary:
      'Approve the submitted draft and publish it (admins; not the submitter when another admin exists)',
    tags: TAGS,
    access: Access.admin,
    params: campaignIdParamsSchema,
    response: publishResultSchema,
    responses: STATE_CONFLICT,
  })
  async approve(@CurrentPrincipal() principal: UserPrincipal, @Param() params: Params) {
    return this.lifecycle.approve(principal, params.id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Endpoint({
    summary: 'Send the submitted draft back with a comment (admins)',
    tags: TAGS,
    access: Access.admin,
    params: campaignIdParamsSchema,
    body: rejectBodySchema,
    response: campaignSchema,
    responses: STATE_CONFLICT,
  })
  async reject(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() params: Params,
    @Body() body: z.infer<typeof rejectBodySchema>,
  ) {
    return this.lifecycle.reject(principal, params.id, body.comment);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Endpoint({
    summary: 'Compile the draft into a version and make it current (an unchanged plan reuses its version)',
    description:
      'Without required approval: marketers, admins and write keys. With it: only the sole admin of a workspace; ' +
      'otherwise a campaign goes live through submit and approve. 422 lists the error diagnostics.',
    tags: TAGS,
    access: Access.write,
    params: campaignIdParamsSchema,
    response: publishResultSchema,
    responses: STATE_CONFLICT,
  })
  async publish(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.lifecycle.publish(principal, params.id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Endpoint({
    summary: 'Pause an active campaign: its journeys hold at their next send',
    tags: TAGS,
    access: Access.admin,
    params: campaignIdParamsSchema,
    response: campaignSchema,
    responses: STATE_CONFLICT,
  })
  async pause(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.lifecycle.pause(principal, params.id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Endpoint({
    summary: 'Resume a paused campaign',
    tags: TAGS,
    access: Access.admin,
    params: campaignIdParamsSchema,
    response: campaignSchema,
    responses: STATE_CONFLICT,
  })
  async resume(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.lifecycle.resume(principal, params.id);
  }

  @Post(':id/stop')
  @HttpCode(200)
  @Endpoint({
    summary: 'Stop a campaign for good: its journeys exit with reason `stopped`',
    tags: TAGS,
    access: Access.admin,
    params: campaignIdParamsSchema,
    response: campaignSchema,
    responses: STATE_CONFLICT,
  })
  async stop(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.lifecycle.stop(principal, params.id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Endpoint({
    summary: 'Archive a draft or stopped campaign',
    tags: TAGS,
    access: Access.write,
    params: campaignIdParamsSchema,
    response: campaignSchema,
    responses: STATE_CONFLICT,
  })
  async archive(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.lifecycle.archive(principal, params.id);
  }
}
