import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import { startImportSchema } from './import-mapping';
import type { ImportRecord } from './import-record';
import {
  importIdParamsSchema,
  importListSchema,
  importSchema,
  listImportsQuerySchema,
  uploadedImportSchema,
} from './imports.schemas';
import { ImportsService } from './imports.service';

const TAGS = ['Imports'];

@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @Endpoint({
    summary:
      'Upload a CSV file of contacts; answers its delimiter, header, first rows and a proposed mapping',
    description:
      'multipart/form-data with the file in the field `file`: UTF-8 with or without a byte order mark, delimited by ' +
      '`,` `;` tab or `|` (detected), at most LOA_IMPORT_MAX_BYTES (100 MB by default).',
    tags: TAGS,
    access: Access.write,
    rawBody: {
      contentType: 'multipart/form-data',
      description: 'The CSV file in the field `file`',
      schema: z.object({ file: z.string().describe('The CSV file (binary)') }),
    },
    status: 201,
    response: uploadedImportSchema,
    responses: { 413: { description: 'The file is larger than the limit' } },
  })
  async upload(@CurrentPrincipal() principal: Principal, @Req() req: Request) {
    return this.imports.upload(principal.workspaceId, req);
  }

  @Get()
  @Endpoint({
    summary: 'Imports of the workspace, newest first',
    tags: TAGS,
    access: Access.read,
    query: listImportsQuerySchema,
    response: importListSchema,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: z.infer<typeof listImportsQuerySchema>,
  ) {
    return { items: (await this.imports.list(principal.workspaceId, query.limit)).map(view) };
  }

  @Get(':id')
  @Endpoint({
    summary: 'One import: status, progress counts and mapping',
    tags: TAGS,
    access: Access.read,
    params: importIdParamsSchema,
    response: importSchema,
  })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: z.infer<typeof importIdParamsSchema>) {
    return view(await this.imports.get(principal.workspaceId, params.id));
  }

  @Post(':id/start')
  @HttpCode(202)
  @Endpoint({
    summary: 'Start an import (or a dry run) with a column mapping; the job runs in the background',
    tags: TAGS,
    access: Access.write,
    params: importIdParamsSchema,
    body: startImportSchema,
    status: 202,
    response: importSchema,
  })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof importIdParamsSchema>,
    @Body() body: z.infer<typeof startImportSchema>,
  ) {
    return view(await this.imports.start(principal.workspaceId, params.id, body));
  }

  @Post(':id/cancel')
  @HttpCode(202)
  @Endpoint({
    summary: 'Cancel an import; a running job stops after its current batch and keeps its counts',
    tags: TAGS,
    access: Access.write,
    params: importIdParamsSchema,
    status: 202,
    response: importSchema,
  })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof importIdParamsSchema>,
  ) {
    return view(await this.imports.cancel(principal.workspaceId, params.id));
  }

  @Get(':id/errors.csv')
  @Endpoint({
    summary: 'The rows an import (or dry run) refused, as CSV: row number, column, reason',
    tags: TAGS,
    access: Access.read,
    params: importIdParamsSchema,
    responseContentType: 'text/csv',
  })
  async errors(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof importIdParamsSchema>,
  ) {
    const csv = await this.imports.errorsCsv(principal.workspaceId, params.id);
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${params.id}-errors.csv"`,
    });
  }
}

/** The import without its internal bookkeeping (workspace, resume point). */
function view(record: ImportRecord) {
  const { workspaceId: _workspaceId, committedRows: _committedRows, ...shown } = record;
  return shown;
}
