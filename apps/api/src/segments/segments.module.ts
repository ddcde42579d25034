import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { SegmentMembership } from './segment-membership';
import { SegmentMembershipChanges } from './segment-membership-changes';
import { SEGMENT_REFRESH_SETTINGS, segmentRefreshSettings } from './segment-refresh-settings';
import { SEGMENT_REFRESH_QUEUE, SegmentRefreshProcessor, SegmentRefreshQueue } from './segment-refresh.queue';
import { SegmentsController } from './segments.controller';
import { SegmentsService } from './segments.service';

/** Segments: rule trees compiled to SQL, membership kept current through the `segment-refresh` queue. */
@Module({
  imports: [BullModule.registerQueue({ name: SEGMENT_REFRESH_QUEUE })],
  controllers: [SegmentsController],
  providers: [
    { provide: SEGMENT_REFRESH_SETTINGS, useFactory: () => segmentRefreshSettings() },
    SegmentMembership,
    SegmentMembershipChanges,
    SegmentRefreshQueue,
    SegmentRefreshProcessor,
    SegmentsService,
  ],
  exports: [SegmentMembership, SegmentMembershipChanges, SegmentsService],
})
export class SegmentsModule {}
