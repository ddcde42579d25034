import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { smsTemplateSchema } from './template.schemas';
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

export type SmsTemplateView = z.infer<typeof smsTemplateSchema>;

interface SmsTemplateRow {
  id: string;
  name: string;
  text: string;
  advertising: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, text, advertising, version, created_at, updated_at';
const SMS_TEMPLATES: TemplateTable = {
  table: 'sms_templates',
  columns: COLUMNS,
  what: 'SMS template',
  notFound: 'SMS template',
};

/** SMS texts of a workspace: Liquid checked before it is stored; advertising ones get the `[QC]` label on send. */
@Injectable()
export class SmsTemplatesService {
  constructor(private readonly db: DataSource) {}

  async list(workspaceId: string): Promise<SmsTemplateView[]> {
    return (await listTemplateRows<SmsTemplateRow>(this.db, SMS_TEMPLATES, workspaceId)).map(toView);
  }

  async get(workspaceId: string, id: string): Promise<SmsTemplateView> {
    return toView(await templateRow<SmsTemplateRow>(this.db, SMS_TEMPLATES, { workspaceId, id }));
  }

  async create(
    principal: Principal,
    input: { name: string; text: string; advertising: boolean },
  ): Promise<SmsTemplateView> {
    assertValidLiquid({ text: input.text });
    const [row] = (await this.db
      .query(
        `INSERT INTO sms_templates (workspace_id, name, text, advertising, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [principal.workspaceId, input.name, input.text, input.advertising, creatorOf(principal)],
      )
      .catch(nameTaken('SMS template', input.name))) as [SmsTemplateRow];
    return toView(row);
  }

  async update(
    principal: Principal,
    id: string,
    input: { name?: string; text?: string; advertising?: boolean },
  ): Promise<SmsTemplateView> {
    assertValidLiquid({ text: input.text });
    const row = await updateTemplateRow<SmsTemplateRow>(
      this.db,
      SMS_TEMPLATES,
      { workspaceId: principal.workspaceId, id },
      {
        fields: { name: input.name, text: input.text, advertising: input.advertising },
        contentChanged: input.text !== undefined || input.advertising !== undefined,
      },
    );
    return toView(row);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await deleteTemplateRow(this.db, SMS_TEMPLATES, { workspaceId, id });
  }
}

function toView(row: SmsTemplateRow): SmsTemplateView {
  return {
    id: row.id,
    name: row.name,
    text: row.text,
    advertising: row.advertising,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
