import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Role } from '../auth/access';
import { INVITATION_TTL_MS } from '../auth/auth.config';
import type { UserPrincipal } from '../auth/principal';
import { SessionsService } from '../auth/sessions.service';
import { randomToken, tokenHash } from '../auth/tokens';
import { problems } from '../http/problem';
import type { Member } from './users.schemas';

interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'deactivated';
  joined_at: Date;
}

interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

/** The people of a workspace: members, their roles and status, and invitations. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(workspaceId: string): Promise<Member[]> {
    const rows: MemberRow[] = await this.db.query(
      `SELECT u.id, u.email, u.name, m.role, m.status, m.created_at AS joined_at
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 ORDER BY m.created_at, u.email`,
      [workspaceId],
    );
    return rows.map(toMember);
  }

  async update(input: {
    actor: UserPrincipal;
    userId: string;
    role?: Role;
    status?: 'active' | 'deactivated';
  }): Promise<Member> {
    const { actor, userId } = input;
    const member = await this.db.transaction(async (manager) => {
      // One lock per workspace's memberships, so two admins cannot demote each other at the same time.
      await manager.query(`SELECT id FROM workspaces WHERE id = $1 FOR UPDATE`, [actor.workspaceId]);
      const current = await this.member(manager, actor.workspaceId, userId);
      if (!current) throw problems.notFound('User');
      const role = input.role ?? current.role;
      const status = input.status ?? current.status;
      const losesAdmin =
        current.role === 'admin' && current.status === 'active' && (role !== 'admin' || status !== 'active');
      if (losesAdmin && (await this.activeAdmins(manager, actor.workspaceId)) <= 1)
        throw problems.conflict('A workspace needs at least one active admin; make another admin first');
      await manager.query(
        `UPDATE memberships SET role = $3, status = $4, updated_at = now() WHERE workspace_id = $1 AND user_id = $2`,
        [actor.workspaceId, userId, role, status],
      );
      await this.audit.record(
        {
          workspaceId: actor.workspaceId,
          actor,
          action: 'member.updated',
          targetKind: 'user',
          targetId: userId,
          details: { from: { role: current.role, status: current.status }, to: { role, status } },
        },
        manager,
      );
      return { ...current, role, status };
    });
    if (member.status === 'deactivated')
      await this.sessions.revokeUser(userId, { workspaceId: actor.workspaceId });
    return toMember(member);
  }

  async invite(input: { actor: UserPrincipal; email: string; role: Role }) {
    const existing = (
      await this.db.query(
        `SELECT m.status FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.workspace_id = $1 AND lower(u.email) = $2`,
        [input.actor.workspaceId, input.email],
      )
    )[0] as { status: string } | undefined;
    if (existing?.status === 'active')
      throw problems.field('body', 'email', 'already belongs to a member of this workspace', 409);
    const token = randomToken();
    const row = (
      await this.db.query(
        `INSERT INTO invitations (workspace_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, email, role, created_at, expires_at, accepted_at, revoked_at`,
        [
          input.actor.workspaceId,
          input.email,
          input.role,
          tokenHash(token),
          input.actor.userId,
          new Date(Date.now() + INVITATION_TTL_MS),
        ],
      )
    )[0] as InvitationRow;
    await this.audit.record({
      workspaceId: input.actor.workspaceId,
      actor: input.actor,
      action: 'invitation.created',
      targetKind: 'invitation',
      targetId: row.id,
      details: { email: input.email, role: input.role },
    });
    return { ...toInvitation(row), token };
  }

  async invitations(workspaceId: string) {
    const rows: InvitationRow[] = await this.db.query(
      `SELECT id, email, role, created_at, expires_at, accepted_at, revoked_at
         FROM invitations WHERE workspace_id = $1 ORDER BY created_at DESC LIMIT 500`,
      [workspaceId],
    );
    return rows.map(toInvitation);
  }

  async revokeInvitation(actor: UserPrincipal, invitationId: string): Promise<void> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH revoked AS (
         UPDATE invitations SET revoked_at = coalesce(revoked_at, now())
          WHERE id = $1 AND workspace_id = $2 AND accepted_at IS NULL RETURNING id
       ) SELECT id FROM revoked`,
      [invitationId, actor.workspaceId],
    );
    if (rows.length === 0) throw problems.notFound('Pending invitation');
    await this.audit.record({
      workspaceId: actor.workspaceId,
      actor,
      action: 'invitation.revoked',
      targetKind: 'invitation',
      targetId: invitationId,
    });
  }

  private async member(manager: EntityManager, workspaceId: string, userId: string) {
    const rows: MemberRow[] = await manager.query(
      `SELECT u.id, u.email, u.name, m.role, m.status, m.created_at AS joined_at
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    return rows[0];
  }

  private async activeAdmins(manager: EntityManager, workspaceId: string): Promise<number> {
    const rows: Array<{ count: number }> = await manager.query(
      `SELECT count(*)::int AS count FROM memberships WHERE workspace_id = $1 AND role = 'admin' AND status = 'active'`,
      [workspaceId],
    );
    return rows[0]?.count ?? 0;
  }
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    joinedAt: new Date(row.joined_at).toISOString(),
  };
}

function toInvitation(row: InvitationRow) {
  const status = row.accepted_at
    ? 'accepted'
    : row.revoked_at
      ? 'revoked'
      : new Date(row.expires_at) <= new Date()
        ? 'expired'
        : 'pending';
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    status: status as 'pending' | 'accepted' | 'revoked' | 'expired',
  };
}
