import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { HealthReport } from './health-report';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Every dependency with a real check: 200 when all are up, 503 naming the ones that are down. */
  @Get()
  async report(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  /** The process answers HTTP; says nothing about dependencies. */
  @Get('live')
  live(): { status: 'up' } {
    return { status: 'up' };
  }
}
