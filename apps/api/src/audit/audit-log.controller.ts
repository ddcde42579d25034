import { Controller, Get, Query } from '@nestjs/common';
import { Access } from '../auth/access';
import { CurrentPrincipal, type UserPrincipal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import { type AuditLogQuery, auditLogPageSchema, auditLogQuerySchema } from './audit-log.schemas';
import { AuditLogService } from './audit-log.service';

@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Endpoint({
    summary: 'Who changed access, people, settings or campaigns, newest first',
    tags: ['Audit log'],
    access: Access.admin,
    query: auditLogQuerySchema,
    response: auditLogPageSchema,
  })
  async list(@CurrentPrincipal() principal: UserPrincipal, @Query() query: AuditLogQuery) {
    return this.auditLog.page(principal.workspaceId, query);
  }
}
