import type { ContactView } from '../contact-view';
import type { KeyMatch, MergeConflict } from '../merge/plan-merge';

export type UpsertMode = 'create' | 'update' | 'both';
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'merged' | 'skipped';

export interface UpsertResult {
  outcome: UpsertOutcome;
  contact?: ContactView;
  /** Contacts merged into `contact` (outcome `merged`). */
  mergedContactIds?: string[];
  /** `not_found` (mode `update`, no contact matched) or `exists` (mode `create`, see `existing`). */
  skippedReason?: 'not_found' | 'exists';
  /** The contacts the match keys found when mode `create` skipped. */
  existing?: KeyMatch[];
  /** Match keys that were not applied because the contact they found, or the survivor, holds another identity. */
  conflicts?: MergeConflict[];
}
