import { Controller, Get, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import { problems } from '../http/problem';
import { listMessages } from './list-messages';
import { MESSAGE_COLUMNS, type MessageRow } from './message-row';
import {
  messageIdParamsSchema,
  messageListQuerySchema,
  messageListSchema,
  messageSchema,
  recoveryCountsSchema,
  toMessageView,
} from './message-view';
import { SendRecoveryService } from './send-recovery.service';

const TAGS = ['Messages'];

/** The send ledger, read-only. */
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly db: DataSource,
    private readonly recovery: SendRecoveryService,
  ) {}

  @Get()
  @Endpoint({
    summary: 'The send ledger: every message, newest first',
    description:
      'Filter by channel, status, contact, campaign, account and creation time (`from` inclusive, `to` exclusive); ' +
      'pass `nextCursor` as `cursor` for the next page.',
    tags: TAGS,
    access: Access.read,
    query: messageListQuerySchema,
    response: messageListSchema,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: z.output<typeof messageListQuerySchema>,
  ) {
    return listMessages(this.db, principal.workspaceId, query);
  }

  @Get('recovery-counts')
  @Endpoint({
    summary: 'Sends interrupted by a crash, by how they were resolved',
    description:
      'Marketing messages are not sent again (status `unknown`); OTP and transactional ones are resent.',
    tags: TAGS,
    access: Access.read,
    response: recoveryCountsSchema,
  })
  async recoveryCounts(@CurrentPrincipal() principal: Principal) {
    return this.recovery.counts(principal.workspaceId);
  }

  @Get(':id')
  @Endpoint({
    summary: 'One message of the ledger',
    tags: TAGS,
    access: Access.read,
    params: messageIdParamsSchema,
    response: messageSchema,
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof messageIdParamsSchema>,
  ) {
    const [row] = (await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE workspace_id = $1 AND id = $2`,
      [principal.workspaceId, params.id],
    )) as MessageRow[];
    if (!row) throw problems.notFound('Message');
    return toMessageView(row);
  }
}
