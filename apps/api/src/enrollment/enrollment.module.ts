import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { SegmentsModule } from '../segments/segments.module';
import { CohortStarter } from './cohort-starter.service';
import { EnrollmentsController } from './enrollments.controller';
import { EventRouter } from './event-router.service';
import { EVENT_ROUTING_QUEUE } from '../events/event-routing-requests';
import { EventRoutingProcessor } from './event-routing.processor';
import { EventTriggeredCampaigns } from './event-triggered-campaigns';
import { JourneyStarter } from './journey-starter.service';
import { ManualEnrollmentService } from './manual-enrollment.service';
import { OrphanedCohortsService } from './orphaned-cohorts.service';
import { SegmentEntryRouter } from './segment-entry-router.service';
import { SEGMENT_ENTRY_QUEUE, SegmentEntryProcessor, SegmentEntryRequests } from './segment-entry.queue';

/**
 * Entry into journeys: the starters, manual and CSV entry, event routing and segment entry (issue 10 §2), and the
 * recovery of cohorts that never started.
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: EVENT_ROUTING_QUEUE }, { name: SEGMENT_ENTRY_QUEUE }),
    EventsModule,
    SegmentsModule,
  ],
  controllers: [EnrollmentsController],
  providers: [
    JourneyStarter,
    CohortStarter,
    OrphanedCohortsService,
    ManualEnrollmentService,
    EventTriggeredCampaigns,
    EventRouter,
    EventRoutingProcessor,
    SegmentEntryRouter,
    SegmentEntryRequests,
    SegmentEntryProcessor,
  ],
  exports: [JourneyStarter, CohortStarter],
})
export class EnrollmentModule {}
