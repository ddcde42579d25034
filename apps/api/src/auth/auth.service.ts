import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ProblemException, problems } from '../http/problem';
import type { Role } from './access';
import type { Me } from './auth.schemas';
import { hashPassword, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { tokenHash } from './tokens';

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
}

interface MembershipRow {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  role: Role;
}

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  me: Me;
}

/** Sign-in, the signed-in user's view of themself, workspace switching and accepting invitations. */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async login(input: { email: string; password: string; workspaceId?: string }, client: ClientInfo) {
    const user = await this.userByEmail(input.email);
    const valid = await verifyPassword(user?.password_hash, input.password);
    if (!user || !valid) throw problems.unauthorized('The e-mail or password is wrong');
    const workspaces = await this.workspacesOf(user.id);
    const workspace = input.workspaceId
      ? workspaces.find((candidate) => candidate.id === input.workspaceId)
      : workspaces[0];
    if (!workspace) {
      throw workspaces.length === 0
        ? problems.forbidden('Your account is not active in any workspace; ask an admin to invite you')
        : problems.field('body', 'workspaceId', 'you are not a member of this workspace', 403);
    }
    const signedIn = await this.startSession(user, workspace, workspaces, client);
    await this.audit.record({
      workspaceId: workspace.id,
      actor: { kind: 'user', userId: user.id },
      action: 'auth.login',
      details: { ip: client.ip ?? null },
    });
    return signedIn;
  }

  async me(input: { userId: string; workspaceId: string; sessionCsrf: string }): Promise<Me> {
    const user = (
      await this.db.query(`SELECT id, email, name FROM users WHERE id = $1`, [input.userId])
    )[0] as UserRow;
    const workspaces = await this.workspacesOf(input.userId);
    const workspace = workspaces.find((candidate) => candidate.id === input.workspaceId);
    if (!workspace) throw problems.unauthorized('Your session has ended; sign in again');
    return meOf(user, workspace, workspaces, input.sessionCsrf);
  }

  async switchWorkspace(input: { userId: string; sessionId: string; workspaceId: string }): Promise<void> {
    const workspaces = await this.workspacesOf(input.userId);
    if (!workspaces.some((workspace) => workspace.id === input.workspaceId))
      throw problems.notFound('Workspace');
    await this.sessions.switchWorkspace(input.sessionId, input.workspaceId);
  }

  async changePassword(input: {
    userId: string;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
  }) {
    const user = (
      await this.db.query(`SELECT id, password_hash FROM users WHERE id = $1`, [input.userId])
    )[0] as UserRow | undefined;
    if (!user || !(await verifyPassword(user.password_hash, input.currentPassword)))
      throw problems.field('body', 'currentPassword', 'is wrong', 422);
    await this.db.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      user.id,
      await hashPassword(input.newPassword),
    ]);
    await this.sessions.revokeUser(user.id, { keep: input.sessionId });
  }

  /** Accepting an invitation creates the user (or, for an existing one, checks their password) and signs in. */
  async acceptInvitation(input: { token: string; name?: string; password: string }, client: ClientInfo) {
    return this.db
      .transaction(async (manager) => {
        const invitation = (
          await manager.query(
            `SELECT id, workspace_id, email, role FROM invitations
            WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            FOR UPDATE`,
            [tokenHash(input.token)],
          )
        )[0] as { id: string; workspace_id: string; email: string; role: Role } | undefined;
        if (!invitation) throw problems.field('body', 'token', 'is not a valid, unused invitation', 422);
        // Two invitations to one new e-mail accepted at once must not both create the account.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
          `user-email:${invitation.email}`,
        ]);

        let user = (
          await manager.query(`SELECT id, email, name, password_hash FROM users WHERE lower(email) = $1`, [
            invitation.email,
          ])
        )[0] as UserRow | undefined;
        if (user) {
          if (!(await verifyPassword(user.password_hash, input.password)))
            throw problems.field('body', 'password', 'is not the password of the existing account', 422);
        } else {
          if (input.password.length < 10)
            throw problems.field('body', 'password', 'must be at least 10 characters');
          user = (
            await manager.query(
              `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3)
             RETURNING id, email, name, password_hash`,
              [invitation.email, input.name ?? '', await hashPassword(input.password)],
            )
          )[0] as UserRow;
        }
        await manager.query(
          `INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = $3, status = 'active', updated_at = now()`,
          [invitation.workspace_id, user.id, invitation.role],
        );
        await manager.query(`UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [
          invitation.id,
          user.id,
        ]);
        // Other pending invitations to this person are spent too: kept, one could later undo an admin's
        // deactivation or role change.
        await manager.query(
          `UPDATE invitations SET revoked_at = now()
            WHERE workspace_id = $1 AND lower(email) = $2 AND id <> $3
              AND accepted_at IS NULL AND revoked_at IS NULL`,
          [invitation.workspace_id, invitation.email.toLowerCase(), invitation.id],
        );
        await this.audit.record(
          {
            workspaceId: invitation.workspace_id,
            actor: { kind: 'user', userId: user.id },
            action: 'invitation.accepted',
            targetKind: 'invitation',
            targetId: invitation.id,
          },
          manager,
        );
        return { user, workspaceId: invitation.workspace_id };
      })
      .then(async ({ user, workspaceId }) => {
        const workspaces = await this.workspacesOf(user.id);
        const workspace = workspaces.find((candidate) => candidate.id === workspaceId);
        if (!workspace) throw new ProblemException(500, 'The accepted membership is not active');
        return this.startSession(user, workspace, workspaces, client);
      });
  }

  private async startSession(
    user: UserRow,
    workspace: MembershipRow,
    workspaces: MembershipRow[],
    client: ClientInfo,
  ): Promise<SignedIn> {
    const session = await this.sessions.create({ userId: user.id, workspaceId: workspace.id, ...client });
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      me: meOf(user, workspace, workspaces, session.csrfToken),
    };
  }

  private async userByEmail(email: string): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.db.query(
      `SELECT id, email, name, password_hash FROM users WHERE lower(email) = $1`,
      [email.toLowerCase()],
    );
    return rows[0];
  }

  private async workspacesOf(userId: string): Promise<MembershipRow[]> {
    return this.db.query(
      `SELECT w.id, w.name, w.slug, w.timezone, m.role
         FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.user_id = $1 AND m.status = 'active'
        ORDER BY m.created_at, w.name`,
      [userId],
    );
  }
}

function meOf(user: UserRow, workspace: MembershipRow, workspaces: MembershipRow[], csrfToken: string): Me {
  return {
    user: { id: user.id, email: user.email, name: user.name },
    workspace,
    role: workspace.role,
    workspaces,
    csrfToken,
  };
}
