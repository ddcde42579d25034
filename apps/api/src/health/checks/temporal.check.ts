import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from '@temporalio/client';
import { LOA_CONFIG, type LoaConfig } from '../../config/loa-config';
import { TEMPORAL_HEALTH_CONNECTION } from '../temporal-health-connection';
import type { DependencyCheck } from '../health-report';
import { TEMPORAL_RPC_DEADLINE_MS } from '../run-check';

@Injectable()
export class TemporalCheck implements DependencyCheck {
  readonly name = 'temporal';

  constructor(
    @Inject(TEMPORAL_HEALTH_CONNECTION) private readonly connection: Connection,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  async run(): Promise<string> {
    const { address, namespace } = this.config.temporal;
    try {
      await this.connection.withDeadline(Date.now() + TEMPORAL_RPC_DEADLINE_MS, () =>
        this.connection.workflowService.describeNamespace({ namespace }),
      );
    } catch (error) {
      throw new Error(`cannot reach namespace ${namespace} at ${address}: ${(error as Error).message}`);
    }
    return `namespace ${namespace} at ${address}`;
  }
}
