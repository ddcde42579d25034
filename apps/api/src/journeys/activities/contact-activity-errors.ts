import { ApplicationFailure } from '@temporalio/activity';

/** Failures of the contact activities that another attempt cannot fix: the journey leaves as failed at once. */
export const CONTACT_ERROR_TYPES = {
  /** The journey's contact was erased (or never existed). */
  contactNotFound: 'LoaContactNotFoundError',
  /** A contact.update step whose values the workspace's attribute definitions refuse, or that does not render. */
  invalidUpdate: 'LoaInvalidContactUpdateError',
} as const;

export function contactNotFound(contactId: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `Contact ${contactId} was not found`,
    CONTACT_ERROR_TYPES.contactNotFound,
  );
}

export function invalidUpdate(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, CONTACT_ERROR_TYPES.invalidUpdate);
}
