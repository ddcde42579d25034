import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditModule } from '../audit/audit.module';
import { AfterCommitSubscriber } from './after-commit';
import { AttributeDefinitionsController } from './attributes/attribute-definitions.controller';
import { AttributeDefinitionsService } from './attributes/attribute-definitions.service';
import { ContactChanges } from './contact-changes';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

/** Contacts, their attributes and identities; global so that ingestion, imports and segments can use it. */
@Global()
@Module({
  imports: [AuditModule],
  // AttributeDefinitionsController first: its /contacts/attributes routes must win over /contacts/:id.
  controllers: [AttributeDefinitionsController, ContactsController],
  providers: [ContactChanges, ContactsService, AttributeDefinitionsService],
  exports: [ContactChanges, ContactsService, AttributeDefinitionsService],
})
export class ContactsModule implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.some((subscriber) => subscriber instanceof AfterCommitSubscriber))
      this.dataSource.subscribers.push(new AfterCommitSubscriber());
  }
}
