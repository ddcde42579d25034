import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NativeConnection, Worker } from '@temporalio/worker';
import { hostname } from 'node:os';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { temporalConnectionOptions } from '../temporal/temporal-connection-options';
import { bindJourneyActivities } from '../journeys/journey-activity-bindings';
import { createDiagnosticsActivities } from './diagnostics.activities';
import { installTemporalLogging } from './temporal-logger';
import { workflowBundlerOptions, workflowsPath } from './workflow-bundling';
import { setWorkflowStackTraces } from './workflow-threads';

/**
 * Owns the Temporal worker of the worker process: creates it on bootstrap with the engine's workflows (contactJourney,
 * campaignRun, diagnosticsPing) and the activities bound from Nest services, drains it on shutdown within the
 * configured grace and force times.
 */
@Injectable()
export class LoaWorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LoaWorkerHost.name);
  private connection: NativeConnection | undefined;
  private worker: Worker | undefined;
  private running: Promise<void> | undefined;
  readonly identity = `loa-worker@${hostname()}:${process.pid}`;

  constructor(
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { namespace, taskQueue } = this.config.temporal;
    installTemporalLogging(new Logger('Temporal'), this.config.log.level === 'debug' ? 'DEBUG' : 'INFO');
    const journey = bindJourneyActivities((token) => this.moduleRef.get(token, { strict: false }));
    if (journey.unbound.length > 0)
      this.logger.warn('workflow activities not bound yet', { unbound: journey.unbound.join(', ') });
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.config.temporal));
    setWorkflowStackTraces(this.config.workflowStackTraces);
    if (!this.config.workflowStackTraces)
      this.logger.log('workflow threads run without promise stack traces (LOA_WORKFLOW_STACK_TRACES=false)');
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      identity: this.identity,
      workflowsPath: workflowsPath(),
      bundlerOptions: workflowBundlerOptions(),
      activities: {
        ...journey.activities,
        ...createDiagnosticsActivities({
          identity: this.identity,
          namespace,
          taskQueue,
          startedAt: new Date().toISOString(),
        }),
      },
      shutdownGraceTime: this.config.workerShutdown.graceMs,
      shutdownForceTime: this.config.workerShutdown.forceMs,
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error('worker stopped with an error', { namespace, taskQueue, error: String(error) });
      throw error;
    });
    this.logger.log('worker polling', { namespace, taskQueue, identity: this.identity });
  }

  /**
   * Nest's first shutdown hook: the worker drains (bounded by the shutdown grace and force times) while the services
   * its activities use are still open; they close in the later hooks.
   */
  async onModuleDestroy(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }

  /** Resolves when the worker stops by itself (fatal error); the process then exits. */
  stopped(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}
