import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UserPrincipal } from '../auth/principal';
import { problems } from '../http/problem';
import type { Workspace, WorkspaceChange } from './workspaces.schemas';

interface WorkspaceRow {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  approval_required: boolean;
  quiet_hours: Workspace['quietHours'];
  frequency_caps: Workspace['frequencyCaps'];
  cohort_threshold: number;
  cohort_size: number;
  created_at: Date;
}

const WORKSPACE_COLUMNS =
  'id, name, slug, timezone, approval_required, quiet_hours, frequency_caps, cohort_threshold, cohort_size, created_at';

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(id: string) {
    const rows: WorkspaceRow[] = await this.db.query(
      `SELECT ${WORKSPACE_COLUMNS} FROM workspaces WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw problems.notFound('Workspace');
    return toWorkspace(rows[0]);
  }

  async update(actor: UserPrincipal, change: WorkspaceChange) {
    await this.db.query(
      `UPDATE workspaces SET name = coalesce($2, name), timezone = coalesce($3, timezone),
              approval_required = coalesce($4, approval_required),
              quiet_hours = CASE WHEN $5 THEN $6::jsonb ELSE quiet_hours END,
              frequency_caps = coalesce($7::jsonb, frequency_caps),
              cohort_threshold = coalesce($8, cohort_threshold), cohort_size = coalesce($9, cohort_size)
        WHERE id = $1`,
      [
        actor.workspaceId,
        change.name ?? null,
        change.timezone ?? null,
        change.approvalRequired ?? null,
        change.quietHours !== undefined,
        change.quietHours ? JSON.stringify(change.quietHours) : null,
        change.frequencyCaps ? JSON.stringify(change.frequencyCaps) : null,
        change.cohortThreshold ?? null,
        change.cohortSize ?? null,
      ],
    );
    await this.audit.record({
      workspaceId: actor.workspaceId,
      actor,
      action: 'workspace.updated',
      targetKind: 'workspace',
      targetId: actor.workspaceId,
      details: change,
    });
    return this.get(actor.workspaceId);
  }

  /** A new workspace whose slug is derived from its name and made unique. */
  async create(manager: EntityManager, name: string): Promise<string> {
    const base = slugify(name);
    for (let attempt = 0; ; attempt++) {
      const slug = attempt === 0 ? base : `${base.slice(0, 56)}-${attempt + 1}`;
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO workspaces (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [slug, name],
      );
      if (rows[0]) return rows[0].id;
    }
  }
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug.length >= 2 ? slug : `ws-${slug || 'x'}`;
}

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timezone: row.timezone,
    approvalRequired: row.approval_required,
    quietHours: row.quiet_hours,
    frequencyCaps: row.frequency_caps,
    cohortThreshold: row.cohort_threshold,
    cohortSize: row.cohort_size,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
