import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '../auth/access';
import { Endpoint } from '../http/endpoint.decorator';
import type { HealthReport } from './health-report';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Every dependency with a real check: 200 when all are up, 503 naming the ones that are down. */
  @Get()
  @Endpoint({
    summary: 'Database, Redis, Temporal and worker health: 200 when all are up, 503 naming those down',
    tags: ['Health'],
    access: Access.public,
    responses: { 503: { description: 'At least one dependency is down' } },
  })
  async report(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  /** The process answers HTTP; says nothing about dependencies. */
  @Get('live')
  @Endpoint({
    summary: 'The process answers HTTP (no dependency checked)',
    tags: ['Health'],
    access: Access.public,
  })
  live(): { status: 'up' } {
    return { status: 'up' };
  }
}
