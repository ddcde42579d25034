import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../../config/loa-config';
import type { DependencyCheck } from '../health-report';

@Injectable()
export class DatabaseCheck implements DependencyCheck {
  readonly name = 'database';

  constructor(
    private readonly dataSource: DataSource,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  async run(): Promise<string> {
    const [row] = await this.dataSource.query('SELECT current_setting($1) AS version', ['server_version']);
    const engine = this.config.database.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL';
    return `${engine} ${String(row?.version ?? '').split(' ')[0]}`.trim();
  }
}
