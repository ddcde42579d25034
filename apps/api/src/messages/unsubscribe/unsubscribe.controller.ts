import { Controller, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Access } from '../../auth/access';
import { Endpoint } from '../../http/endpoint.decorator';
import { problems } from '../../http/problem';
import { unsubscribePage } from './unsubscribe-page';
import { UnsubscribeService } from './unsubscribe.service';

const paramsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/) });
const BODY_LIMIT = 1024;

/**
 * The URL e-mails carry in `List-Unsubscribe` (RFC 8058). GET shows a page with a confirm button (a link scanner
 * opening the URL changes nothing); POST with `List-Unsubscribe=One-Click` (the mailbox provider's one click, or the
 * page's button) withdraws e-mail consent at once. No sign-in: the token is the credential.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Get(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Endpoint({
    summary: 'The unsubscribe page of an e-mail link',
    tags: ['Unsubscribe'],
    access: Access.public,
    params: paramsSchema,
    responseContentType: 'text/html',
  })
  async page(@Param() params: z.infer<typeof paramsSchema>) {
    return unsubscribePage(await this.unsubscribes.state(params.token));
  }

  @Post(':token')
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Endpoint({
    summary: 'One-click unsubscribe (RFC 8058): withdraws e-mail consent',
    tags: ['Unsubscribe'],
    access: Access.public,
    params: paramsSchema,
    rawBody: {
      contentType: 'application/x-www-form-urlencoded',
      description: '`List-Unsubscribe=One-Click`',
    },
    responseContentType: 'text/html',
  })
  async oneClick(@Param() params: z.infer<typeof paramsSchema>, @Req() req: Request) {
    const form = new URLSearchParams(await readSmallBody(req));
    if (form.get('List-Unsubscribe') !== 'One-Click')
      throw problems.badRequest('The body must be List-Unsubscribe=One-Click');
    return unsubscribePage(await this.unsubscribes.unsubscribe(params.token));
  }
}

async function readSmallBody(req: Request): Promise<string> {
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > BODY_LIMIT) throw problems.tooLarge(`The body is larger than ${BODY_LIMIT} bytes`);
  }
  return body;
}
