import { z } from 'zod';
import { DELIMITERS } from './detect-delimiter';
import { columnMappingSchema, IDENTITY_KEYS, IMPORT_MODES } from './import-mapping';
import { IMPORT_STATUSES } from './import-record';

export const importIdParamsSchema = z.object({ id: z.uuid() });

export const listImportsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const uploadedImportSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  size: z.number().int(),
  delimiter: z.enum(DELIMITERS),
  header: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  proposedMapping: z.array(columnMappingSchema),
});

export const importSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  size: z.number().int(),
  delimiter: z.enum(DELIMITERS),
  header: z.array(z.string()),
  status: z.enum(IMPORT_STATUSES),
  mapping: z.array(columnMappingSchema),
  mode: z.enum(IMPORT_MODES).nullable(),
  dryRun: z.boolean(),
  identityKey: z.enum(IDENTITY_KEYS).nullable(),
  progress: z.object({
    rowsRead: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
  }),
  cancelRequested: z.boolean(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const importListSchema = z.object({ items: z.array(importSchema) });
