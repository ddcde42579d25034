import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { ContactsService } from '../contacts/contacts.service';
import { ContactEventHistory } from './contact-event-history';
import { ContactEventStream } from './contact-event-stream';
import { CONTACT_UPSERTER } from './contact-upserter';
import { EventIngestEnqueuer } from './event-ingest.enqueuer';
import { EventInsertBatcher } from './event-insert-batcher';
import { EventIngestProcessor } from './event-ingest.processor';
import { EVENT_INGEST_QUEUE } from './event-ingest.queue';
import { EVENT_ROUTING_QUEUE, EventRoutingRequests } from './event-routing-requests';
import { EventIngestionService } from './event-ingestion.service';
import { EventProcessingService } from './event-processing.service';
import { EventStore } from './event-store';
import { EventsController } from './events.controller';
import { ForgetErasedAnonymousIds } from './forget-erased-anonymous-ids';
import { UnprocessedEventSweeper } from './unprocessed-event-sweeper';

/** Segment-compatible ingestion (issue 8 §4) and each contact's ordered event stream. */
@Module({
  imports: [BullModule.registerQueue({ name: EVENT_INGEST_QUEUE }, { name: EVENT_ROUTING_QUEUE })],
  controllers: [EventsController],
  providers: [
    { provide: CONTACT_UPSERTER, useExisting: ContactsService },
    EventStore,
    EventInsertBatcher,
    EventIngestEnqueuer,
    EventIngestionService,
    EventProcessingService,
    EventIngestProcessor,
    UnprocessedEventSweeper,
    ContactEventStream,
    ContactEventHistory,
    ForgetErasedAnonymousIds,
    EventRoutingRequests,
  ],
  exports: [ContactEventStream, EventStore, EventIngestEnqueuer],
})
export class EventsModule {}
