import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CONTACT_IMPORT_MAX_STALLED, CONTACT_IMPORT_QUEUE } from './import-queue';
import { ImportProcessor } from './import.processor';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { ImportsStore } from './imports.store';

/** CSV import of contacts (issue 8 §3); the job runs on the `contact-import` Bull queue. */
@Module({
  imports: [
    BullModule.registerQueue({
      name: CONTACT_IMPORT_QUEUE,
      settings: { maxStalledCount: CONTACT_IMPORT_MAX_STALLED },
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsStore, ImportsService, ImportRunner, ImportProcessor],
  exports: [ImportsService, ImportRunner],
})
export class ImportsModule {}
