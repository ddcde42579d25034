import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { campaignIdParamsSchema } from '../campaigns/campaign.schemas';
import { Endpoint } from '../http/endpoint.decorator';
import { problems, type FieldError } from '../http/problem';
import { type ContactReference, normalizeIdentity } from './contact-references';
import { contactReferencesFromCsv } from './enrollment-csv';
import { enrollBodySchema, enrollCsvBodySchema, enrollResultSchema } from './enrollment.schemas';
import { ManualEnrollmentService } from './manual-enrollment.service';

const TAGS = ['Campaigns'];
type Params = z.infer<typeof campaignIdParamsSchema>;

/** Manual entry into an active campaign's current version (trigger.manual, or API entry for other triggers). */
@Controller('campaigns')
export class EnrollmentsController {
  constructor(private readonly enrollments: ManualEnrollmentService) {}

  @Post(':id/enrollments')
  @HttpCode(200)
  @Endpoint({
    summary: 'Enter contacts (by id or identity) into the campaign; entering twice is a no-op',
    tags: TAGS,
    access: Access.write,
    params: campaignIdParamsSchema,
    body: enrollBodySchema,
    response: enrollResultSchema,
  })
  async enroll(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Body() body: z.infer<typeof enrollBodySchema>,
  ) {
    const references: ContactReference[] = body.contactIds.map((contactId) => ({ contactId }));
    const errors: FieldError[] = [];
    body.contacts.forEach((identity, index) => {
      const [key, value] = Object.entries(identity)[0] as ['phone' | 'email' | 'externalId', string];
      const result = normalizeIdentity(key, value, `contacts.${index}.${key}`);
      if ('error' in result) errors.push(result.error);
      else references.push(result.ref);
    });
    if (errors.length > 0) throw problems.validation(errors);
    return this.enrollments.enroll(principal.workspaceId, params.id, references);
  }

  @Post(':id/enrollments/csv')
  @HttpCode(200)
  @Endpoint({
    summary: 'Enter the contacts of a CSV (one identity column) into the campaign; entering twice is a no-op',
    tags: TAGS,
    access: Access.write,
    params: campaignIdParamsSchema,
    body: enrollCsvBodySchema,
    response: enrollResultSchema,
  })
  async enrollCsv(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Body() body: z.infer<typeof enrollCsvBodySchema>,
  ) {
    return this.enrollments.enroll(principal.workspaceId, params.id, contactReferencesFromCsv(body.csv));
  }
}
