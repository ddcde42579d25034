import { ProblemException } from '../../http/problem';
import type { ContactRow } from '../contact-view';

/**
 * The row if it is a live contact; otherwise a 404 problem. A merged contact's 404 names the contact it was merged
 * into (`mergedInto`), so a caller holding an old id can follow it; an erased contact is simply gone.
 */
export function liveOrMissing(row: ContactRow | undefined): ContactRow {
  if (!row || row.erased_at !== null) throw new ProblemException(404, 'Contact was not found');
  if (row.merged_into !== null)
    throw new ProblemException(404, `Contact was merged into ${row.merged_into}`, {
      type: 'urn:loa:problem:contact-merged',
      mergedInto: row.merged_into,
    });
  return row;
}
