/** The Bull queue whose jobs resolve the contact of stored events. */
export const EVENT_INGEST_QUEUE = 'event-ingest';

/** Events of one workspace to process, by `seq`; processing skips those already processed. */
export interface EventIngestJob {
  workspaceId: string;
  seqs: string[];
}
