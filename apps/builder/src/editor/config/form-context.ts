import { createContext, useContext } from 'react';
import type { AccountChannel } from './queries';
import type { IssuesByPath } from './validation-issues';

export interface ConfigFormContextValue {
  readOnly: boolean;
  /** Schema messages and diagnostics by dotted path inside the edited object. */
  issues: IssuesByPath;
  /** The channel whose accounts the account picker offers (from the node type). */
  accountChannel?: AccountChannel;
  /** The event of the object being edited (a trigger, a wait, an event rule): its properties are suggested. */
  eventName?: string;
  /** The segment whose rule is being edited: the segment picker does not offer it to itself. */
  segmentId?: string;
}

export const ConfigFormContext = createContext<ConfigFormContextValue>({
  readOnly: false,
  issues: new Map(),
});

export function useConfigForm(): ConfigFormContextValue {
  return useContext(ConfigFormContext);
}
