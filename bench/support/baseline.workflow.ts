import { proxyActivities } from '@temporalio/workflow';
import type {
  JourneyActivities,
  SendActivityInput,
} from '../../packages/engine/src/journey/journey-contract';

const { sendZns } = proxyActivities<Pick<JourneyActivities, 'sendZns'>>({
  startToCloseTimeout: '30 seconds',
});

/** What a team would write by hand for trigger -> send -> exit: one activity call, nothing else. */
export async function handWrittenSend(input: SendActivityInput): Promise<string> {
  const result = await sendZns(input);
  return result.status;
}
