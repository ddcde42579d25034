import { personalisationScope, type PersonalisationContact } from '../personalisation/personalisation-scope';

/** The contact as a simulation holds it: a sample contact plus what contact.update steps changed. */
export interface SimulatedContactState extends PersonalisationContact {
  doNotContact: boolean;
}

/** The Liquid scope of a simulated contact: the same one real sends render with. */
export function liquidScope(
  contact: SimulatedContactState,
  eventProperties: Record<string, unknown>,
  campaign?: { id: string; name: string; version?: number },
): object {
  return personalisationScope({ contact, event: eventProperties, campaign });
}
