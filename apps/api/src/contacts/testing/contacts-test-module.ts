import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '../../config/config.module';
import { DatabaseModule } from '../../database/database.module';
import { testConfig } from '../../testing/test-config';
import { ContactsModule } from '../contacts.module';

/** The contacts module on the run's real PostgreSQL (or what `env` points at), without HTTP. */
export async function contactsTestContext(env: NodeJS.ProcessEnv = {}): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot(testConfig(env)), DatabaseModule, ContactsModule] })
  class ContactsTestModule {}
  return NestFactory.createApplicationContext(ContactsTestModule, { logger: false, abortOnError: false });
}

/** A fresh workspace row, so each test owns its contacts. */
export async function createWorkspace(dataSource: DataSource): Promise<string> {
  const slug = `contacts-${randomUUID().slice(0, 12)}`;
  const rows = (await dataSource.query('INSERT INTO workspaces (slug, name) VALUES ($1, $1) RETURNING id', [
    slug,
  ])) as {
    id: string;
  }[];
  return rows[0].id;
}

export async function defineAttribute(
  dataSource: DataSource,
  workspaceId: string,
  definition: { key: string; type: string; enumValues?: string[] },
): Promise<void> {
  await dataSource.query(
    'INSERT INTO attribute_definitions (workspace_id, key, label, type, enum_values) VALUES ($1, $2, $2, $3, $4)',
    [workspaceId, definition.key, definition.type, definition.enumValues ?? null],
  );
}
