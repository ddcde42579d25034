import type { DiscoveryService } from '@nestjs/core';
import Bull from 'bull';

/** Every Bull queue the application registered (BullModule.registerQueue). */
export function registeredQueues(discovery: DiscoveryService): Bull.Queue[] {
  const queues = new Set<Bull.Queue>();
  for (const wrapper of discovery.getProviders()) {
    if (wrapper.instance instanceof Bull) queues.add(wrapper.instance as Bull.Queue);
  }
  return [...queues];
}
