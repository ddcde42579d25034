import type { Plan } from './plan.types';

/** The accounts a plan sends advertising SMS from, sorted, each once. */
export function advertisingSmsAccountIds(plan: Pick<Plan, 'steps'>): string[] {
  const ids = new Set<string>();
  for (const step of Object.values(plan.steps))
    if (step.kind === 'send' && step.channel === 'sms' && step.purpose === 'advertising')
      ids.add(step.accountId);
  return [...ids].sort();
}
