import { CreateWorkspaces1763740000000 } from './1763740000000-create-workspaces';
import { CreateIdentityAndAccess1764500000000 } from './1764500000000-create-identity-and-access';
import { CreateContacts1764500001000 } from './1764500001000-create-contacts';
import { CreateEvents1764500002000 } from './1764500002000-create-events';
import { ContactListIndexes1764500010000 } from './1764500010000-contact-list-indexes';
import { EventProcessingOrder1764500020000 } from './1764500020000-event-processing-order';
import { CreateSegments1764500030000 } from './1764500030000-create-segments';
import { CreateImports1764500040000 } from './1764500040000-create-imports';
import { CreateChannelAccountsAndMessages1764600000000 } from './1764600000000-create-channel-accounts-and-messages';
import { CreateZaloConnectTokensAndZnsTemplates1764610000000 } from './1764610000000-create-zalo-connect-tokens-and-zns-templates';
import { CreateTemplates1764620000000 } from './1764620000000-create-templates';
import { SendLedgerExtras1764630000000 } from './1764630000000-send-ledger-extras';
import { CreateWebhookReceipts1764640000000 } from './1764640000000-create-webhook-receipts';
import { ReceiptRetentionAndTemplateListing1764900000000 } from './1764900000000-receipt-retention-and-template-listing';
import { MessagesCapByRecipient1764910000000 } from './1764910000000-messages-cap-by-recipient';
import { CreateCampaigns1765000000000 } from './1765000000000-create-campaigns';
import { CreateJourneyContactUpdates1765010000000 } from './1765010000000-create-journey-contact-updates';
import { CreateEnrollmentsAndWorkspaceSecrets1765015000000 } from './1765015000000-create-enrollments-and-workspace-secrets';
import { CreateEnrollmentEntry1765020000000 } from './1765020000000-create-enrollment-entry';
import { CreateCampaignSegmentCursors1765020100000 } from './1765020100000-create-campaign-segment-cursors';
import { IndexActiveEnrollments1765030000000 } from './1765030000000-index-active-enrollments';
import { WidenIdempotencyKeys1765040000000 } from './1765040000000-widen-idempotency-keys';
import { IndexLiveContactsById1765050000000 } from './1765050000000-index-live-contacts-by-id';
import { CreateJourneyReruns1765060000000 } from './1765060000000-create-journey-reruns';
import { WorkspaceSendDefaults1765070000000 } from './1765070000000-workspace-send-defaults';
import { IndexAuditLogById1765070001000 } from './1765070001000-index-audit-log-by-id';
import { ReportIndexes1765080000000 } from './1765080000000-report-indexes';
import { CampaignMessageCounts1765090000000 } from './1765090000000-campaign-message-counts';
import { CohortExecution1765100000000 } from './1765100000000-cohort-execution';
import { CohortSizeDefault1765110000000 } from './1765110000000-cohort-size-default';
import { JourneyEntryClaims1765120000000 } from './1765120000000-journey-entry-claims';
import { UnrecordedCohortMembers1765130000000 } from './1765130000000-unrecorded-cohort-members';
import { StepCountsByEntryHour1765090001000 } from './1765090001000-step-counts-by-entry-hour';

/** Every migration, oldest first. */
export const migrations = [
  CreateWorkspaces1763740000000,
  CreateIdentityAndAccess1764500000000,
  CreateContacts1764500001000,
  CreateEvents1764500002000,
  ContactListIndexes1764500010000,
  EventProcessingOrder1764500020000,
  CreateSegments1764500030000,
  CreateImports1764500040000,
  CreateChannelAccountsAndMessages1764600000000,
  CreateZaloConnectTokensAndZnsTemplates1764610000000,
  CreateTemplates1764620000000,
  SendLedgerExtras1764630000000,
  CreateWebhookReceipts1764640000000,
  ReceiptRetentionAndTemplateListing1764900000000,
  MessagesCapByRecipient1764910000000,
  CreateCampaigns1765000000000,
  CreateJourneyContactUpdates1765010000000,
  CreateEnrollmentsAndWorkspaceSecrets1765015000000,
  CreateEnrollmentEntry1765020000000,
  CreateCampaignSegmentCursors1765020100000,
  IndexActiveEnrollments1765030000000,
  WidenIdempotencyKeys1765040000000,
  IndexLiveContactsById1765050000000,
  CreateJourneyReruns1765060000000,
  WorkspaceSendDefaults1765070000000,
  IndexAuditLogById1765070001000,
  ReportIndexes1765080000000,
  CampaignMessageCounts1765090000000,
  StepCountsByEntryHour1765090001000,
  CohortExecution1765100000000,
  CohortSizeDefault1765110000000,
  JourneyEntryClaims1765120000000,
  UnrecordedCohortMembers1765130000000,
];
