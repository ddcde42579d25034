import { randomUUID } from 'node:crypto';
import {
  campaignSettingsSchema,
  EXIT_COMPLETED,
  EXIT_FAILED,
  type CampaignSettingsInput,
  type JourneyRef,
  type SendMessage,
  type SendStep,
} from '@loa/engine';
import type { DataSource } from 'typeorm';
import type { JourneyCampaigns, JourneyCampaignVersion } from '../journey-campaigns';

/** Campaign versions the activities read in tests, by version id (unknown ones have the default settings). */
export class TestCampaigns implements JourneyCampaigns {
  private readonly versions = new Map<string, JourneyCampaignVersion>();

  /** Registers a version with these settings; answers its id. */
  add(settings: CampaignSettingsInput = {}, extra: Omit<JourneyCampaignVersion, 'settings'> = {}): string {
    const versionId = randomUUID();
    this.versions.set(versionId, { settings: campaignSettingsSchema.parse(settings), ...extra });
    return versionId;
  }

  async versionOf(journey: Pick<JourneyRef, 'versionId'>): Promise<JourneyCampaignVersion> {
    return this.versions.get(journey.versionId) ?? { settings: campaignSettingsSchema.parse({}) };
  }
}

/** A journey of a new campaign for the contact, with the workflow id rules of DESIGN §6. */
export function journeyOf(
  workspaceId: string,
  contactId: string,
  versionId: string,
  extra: Partial<JourneyRef> = {},
): JourneyRef {
  const campaignId = extra.campaignId ?? randomUUID();
  return {
    workspaceId,
    campaignId,
    versionId,
    contactId,
    workflowId: `journey:${campaignId}:${contactId}:once`,
    enrollmentId: 'run-1',
    entryKey: 'once',
    ...extra,
  };
}

/** The workflow's idempotency key for a step visit: `{workflowId}:{enrollmentId}:{stepId}:{visit}`. */
export function stepKey(journey: JourneyRef, stepId: string, visit = 1, run = journey.enrollmentId): string {
  return `${journey.workflowId}:${run}:${stepId}:${visit}`;
}

export function sendStep(
  accountId: string,
  message: SendMessage,
  purpose: SendStep['purpose'] = 'care',
): SendStep {
  return {
    kind: 'send',
    channel: message.channel,
    accountId,
    purpose,
    message,
    onSuccess: EXIT_COMPLETED,
    onFailure: EXIT_FAILED,
  };
}

/** A stored track event of the contact; answers its id. */
export async function insertTrackEvent(
  db: DataSource,
  input: {
    workspaceId: string;
    contactId: string;
    name: string;
    at?: Date;
    properties?: Record<string, unknown>;
  },
): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO events (workspace_id, message_id, type, name, contact_id, properties, timestamp, processed_at)
     VALUES ($1, $2, 'track', $3, $4, $5, $6, now()) RETURNING id`,
    [
      input.workspaceId,
      randomUUID(),
      input.name,
      input.contactId,
      JSON.stringify(input.properties ?? {}),
      input.at ?? new Date(),
    ],
  )) as Array<{ id: string }>;
  return row!.id;
}
