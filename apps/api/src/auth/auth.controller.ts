import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { Endpoint } from '../http/endpoint.decorator';
import { Access } from './access';
import {
  acceptInvitationBodySchema,
  changePasswordBodySchema,
  loginBodySchema,
  meSchema,
  switchWorkspaceBodySchema,
} from './auth.schemas';
import { AuthService, type ClientInfo, type SignedIn } from './auth.service';
import { LoginRateLimited } from './login-rate-limited.decorator';
import { CurrentPrincipal, type Principal, type UserPrincipal } from './principal';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';
import { problems } from '../http/problem';

const TAGS = ['Auth'];

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @LoginRateLimited()
  @Endpoint({
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tags: TAGS,
    access: Access.public,
    body: loginBodySchema,
    response: meSchema,
  })
  async login(
    @Body() body: z.infer<typeof loginBodySchema>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.signIn(res, await this.auth.login(body, clientOf(req)));
  }

  @Post('logout')
  @HttpCode(204)
  @Endpoint({ summary: 'End this session', tags: TAGS, access: Access.signedIn, status: 204 })
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    await this.sessions.revoke(userOf(principal).sessionId);
    clearSessionCookie(res, this.config.cookieSecure);
  }

  @Get('me')
  @Endpoint({
    summary: 'The signed-in user, the current workspace and role, and the CSRF token',
    tags: TAGS,
    access: Access.signedIn,
    response: meSchema,
  })
  async me(@CurrentPrincipal() principal: Principal) {
    const user = userOf(principal);
    return this.auth.me({ userId: user.userId, workspaceId: user.workspaceId, sessionCsrf: user.csrfToken });
  }

  @Post('workspace')
  @HttpCode(200)
  @Endpoint({
    summary: 'Switch this session to another workspace the user belongs to',
    tags: TAGS,
    access: Access.signedIn,
    body: switchWorkspaceBodySchema,
    response: meSchema,
  })
  async switchWorkspace(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof switchWorkspaceBodySchema>,
  ) {
    const user = userOf(principal);
    await this.auth.switchWorkspace({
      userId: user.userId,
      sessionId: user.sessionId,
      workspaceId: body.workspaceId,
    });
    return this.auth.me({ userId: user.userId, workspaceId: body.workspaceId, sessionCsrf: user.csrfToken });
  }

  @Post('password')
  @HttpCode(204)
  @LoginRateLimited()
  @Endpoint({
    summary: 'Change the password; every other session of the user ends',
    tags: TAGS,
    access: Access.signedIn,
    body: changePasswordBodySchema,
    status: 204,
  })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof changePasswordBodySchema>,
  ) {
    const user = userOf(principal);
    await this.auth.changePassword({ userId: user.userId, sessionId: user.sessionId, ...body });
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @LoginRateLimited()
  @Endpoint({
    summary: 'Accept an invitation: creates the account (or joins an existing one) and signs in',
    tags: TAGS,
    access: Access.public,
    body: acceptInvitationBodySchema,
    response: meSchema,
  })
  async acceptInvitation(
    @Body() body: z.infer<typeof acceptInvitationBodySchema>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.signIn(res, await this.auth.acceptInvitation(body, clientOf(req)));
  }

  private signIn(res: Response, signedIn: SignedIn) {
    setSessionCookie(res, {
      token: signedIn.token,
      expiresAt: signedIn.expiresAt,
      secure: this.config.cookieSecure,
    });
    return signedIn.me;
  }
}

function clientOf(req: Request): ClientInfo {
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
}

function userOf(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw problems.forbidden('Only a signed-in user may call this route');
  return principal;
}
