import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { EnrollmentsController } from './enrollments.controller';
import { EventRouter } from './event-router.service';
import { EVENT_ROUTING_QUEUE } from '../events/event-routing-requests';
import { EventRoutingProcessor } from './event-routing.processor';
import { EventTriggeredCampaigns } from './event-triggered-campaigns';
import { JourneyStarter } from './journey-starter.service';
import { ManualEnrollmentService } from './manual-enrollment.service';

/** Entry into journeys: the starter, manual and CSV entry, and event routing (issue 10 §2). */
@Module({
  imports: [BullModule.registerQueue({ name: EVENT_ROUTING_QUEUE }), EventsModule],
  controllers: [EnrollmentsController],
  providers: [
    JourneyStarter,
    ManualEnrollmentService,
    EventTriggeredCampaigns,
    EventRouter,
    EventRoutingProcessor,
  ],
  exports: [JourneyStarter],
})
export class EnrollmentModule {}
