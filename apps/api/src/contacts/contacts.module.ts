import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AfterCommitSubscriber } from './after-commit';
import { ContactChanges } from './contact-changes';
import { ContactsService } from './contacts.service';

/** Contacts, their attributes and identities; global so that ingestion, imports and segments can use it. */
@Global()
@Module({
  providers: [ContactChanges, ContactsService],
  exports: [ContactChanges, ContactsService],
})
export class ContactsModule implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.some((subscriber) => subscriber instanceof AfterCommitSubscriber))
      this.dataSource.subscribers.push(new AfterCommitSubscriber());
  }
}
