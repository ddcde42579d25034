import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { emailTemplateSchema } from './template.schemas';
import {
  assertValidLiquid,
  creatorOf,
  deleteTemplateRow,
  listTemplateRows,
  templateRow,
  nameTaken,
  type TemplateTable,
  updateTemplateRow,
} from './template-store';

export type EmailTemplateView = z.infer<typeof emailTemplateSchema>;

interface EmailTemplateRow {
  id: string;
  name: string;
  subject: string;
  preheader: string | null;
  html: string;
  text: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, subject, preheader, html, text, version, created_at, updated_at';
const CONTENT = ['subject', 'preheader', 'html', 'text'] as const;
const EMAIL_TEMPLATES: TemplateTable = {
  table: 'email_templates',
  columns: COLUMNS,
  what: 'e-mail template',
  notFound: 'E-mail template',
};

/** E-mail templates of a workspace: subject, preheader, HTML and text, each Liquid checked before it is stored. */
@Injectable()
export class EmailTemplatesService {
  constructor(private readonly db: DataSource) {}

  async list(workspaceId: string): Promise<EmailTemplateView[]> {
    return (await listTemplateRows<EmailTemplateRow>(this.db, EMAIL_TEMPLATES, workspaceId)).map(toView);
  }

  async get(workspaceId: string, id: string): Promise<EmailTemplateView> {
    return toView(await templateRow<EmailTemplateRow>(this.db, EMAIL_TEMPLATES, { workspaceId, id }));
  }

  async create(
    principal: Principal,
    input: { name: string; subject: string; preheader?: string | null; html: string; text: string },
  ): Promise<EmailTemplateView> {
    assertValidLiquid({
      subject: input.subject,
      preheader: input.preheader,
      html: input.html,
      text: input.text,
    });
    const [row] = (await this.db
      .query(
        `INSERT INTO email_templates (workspace_id, name, subject, preheader, html, text, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [
          principal.workspaceId,
          input.name,
          input.subject,
          input.preheader ?? null,
          input.html,
          input.text,
          creatorOf(principal),
        ],
      )
      .catch(nameTaken('e-mail template', input.name))) as [EmailTemplateRow];
    return toView(row);
  }

  async update(
    principal: Principal,
    id: string,
    input: { name?: string; subject?: string; preheader?: string | null; html?: string; text?: string },
  ): Promise<EmailTemplateView> {
    assertValidLiquid({
      subject: input.subject,
      preheader: input.preheader,
      html: input.html,
      text: input.text,
    });
    const row = await updateTemplateRow<EmailTemplateRow>(
      this.db,
      EMAIL_TEMPLATES,
      { workspaceId: principal.workspaceId, id },
      {
        fields: {
          name: input.name,
          subject: input.subject,
          preheader: input.preheader,
          html: input.html,
          text: input.text,
        },
        contentChanged: CONTENT.some((field) => input[field] !== undefined),
      },
    );
    return toView(row);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await deleteTemplateRow(this.db, EMAIL_TEMPLATES, { workspaceId, id });
  }
}

function toView(row: EmailTemplateRow): EmailTemplateView {
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    preheader: row.preheader,
    html: row.html,
    text: row.text,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
