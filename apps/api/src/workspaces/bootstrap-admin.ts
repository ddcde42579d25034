import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { WorkspacesService } from './workspaces.service';

/**
 * First start: when LOA_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD are set and no user has that e-mail, creates that admin
 * in the oldest workspace, or in a new one when none exists. An existing user is never changed.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
    private readonly db: DataSource,
    private readonly workspaces: WorkspacesService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const passwordHash = await hashPassword(admin.password);
    const created = await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('loa:bootstrap-admin'))`);
      const existing = await manager.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [
        admin.email,
      ]);
      if (existing.length > 0) return undefined;
      const oldest: Array<{ id: string }> = await manager.query(
        `SELECT id FROM workspaces ORDER BY created_at LIMIT 1`,
      );
      const workspaceId = oldest[0]?.id ?? (await this.workspaces.create(manager, admin.workspaceName));
      const user: Array<{ id: string }> = await manager.query(
        `INSERT INTO users (email, name, password_hash) VALUES (lower($1), 'Admin', $2) RETURNING id`,
        [admin.email, passwordHash],
      );
      await manager.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'admin')`, [
        workspaceId,
        user[0]!.id,
      ]);
      await this.audit.record(
        {
          workspaceId,
          actor: { kind: 'system' },
          action: 'bootstrap.admin_created',
          targetKind: 'user',
          targetId: user[0]!.id,
        },
        manager,
      );
      return workspaceId;
    });
    if (created)
      this.logger.log({ message: 'Created the bootstrap admin', email: admin.email, workspaceId: created });
  }
}
