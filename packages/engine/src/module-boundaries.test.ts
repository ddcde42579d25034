import { lintAs } from '@loa/testing';

describe('module boundaries of DESIGN §2, enforced by lint', () => {
  it('forbids Nest, TypeORM and the Temporal client in the engine', async () => {
    const problems = await lintAs(
      'packages/engine',
      'src/probe.ts',
      "import { Injectable } from '@nestjs/common';\nimport { DataSource } from 'typeorm';\nimport { Client } from '@temporalio/client';\nexport const probe = [Injectable, DataSource, Client];\n",
    );
    expect(problems).toEqual([
      expect.stringContaining('not allowed to import "@nestjs/common"'),
      expect.stringContaining('not allowed to import "typeorm"'),
      expect.stringContaining('not allowed to import "@temporalio/client"'),
    ]);
  });

  it('forbids Node I/O in the engine', async () => {
    const problems = await lintAs(
      'packages/engine',
      'src/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    );
    expect(problems).toEqual([expect.stringContaining('no Node I/O')]);
  });

  it('lets only the command line use Node I/O', async () => {
    const problems = await lintAs(
      'packages/engine',
      'src/cli/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    );
    expect(problems).toEqual([]);
  });

  it('forbids the connectors in the engine', async () => {
    const problems = await lintAs(
      'packages/engine',
      'src/probe.ts',
      "import { normalizeVietnamesePhone } from '@loa/connectors';\nexport const probe = normalizeVietnamesePhone;\n",
    );
    expect(problems).toEqual([expect.stringContaining('can only depend on libs tagged with "scope:engine"')]);
  });

  it('lets workflow files import only @temporalio/workflow and engine code', async () => {
    const allowed = await lintAs(
      'packages/engine',
      'src/workflows/probe.ts',
      "import { sleep } from '@temporalio/workflow';\nimport type { WorkerDescription } from '../diagnostics/diagnostics-activities';\nexport const probe: [typeof sleep, WorkerDescription?] = [sleep];\n",
    );
    expect(allowed).toEqual([]);
    const forbidden = await lintAs(
      'packages/engine',
      'src/workflows/probe.ts',
      "import { z } from 'zod';\nexport const probe = z;\n",
    );
    expect(forbidden).toEqual([
      expect.stringContaining('Workflow files may import only @temporalio/workflow'),
    ]);
  });

  it('keeps server code and the full engine out of the builder', async () => {
    const problems = await lintAs(
      'apps/builder',
      'src/probe.ts',
      "import { Injectable } from '@nestjs/common';\nimport { DIAGNOSTICS_PING_WORKFLOW } from '@loa/engine';\nexport const probe = [Injectable, DIAGNOSTICS_PING_WORKFLOW];\n",
    );
    expect(problems).toEqual([
      expect.stringContaining('not allowed to import "@nestjs/common"'),
      expect.stringContaining('may import only @loa/engine/browser'),
    ]);
  });

  it('lets the API and the builder share the contract package, which imports nothing of Loa', async () => {
    const shared =
      "import { healthReportSchema } from '@loa/api-contract';\nexport const probe = healthReportSchema;\n";
    expect(await lintAs('apps/builder', 'src/probe.ts', shared)).toEqual([]);
    expect(await lintAs('apps/api', 'src/probe.ts', shared)).toEqual([]);
    const problems = await lintAs(
      'packages/api-contract',
      'src/probe.ts',
      "import { readFileSync } from 'node:fs';\nimport { DIAGNOSTICS_PING_WORKFLOW } from '@loa/engine';\nexport const probe = [readFileSync, DIAGNOSTICS_PING_WORKFLOW];\n",
    );
    expect(problems).toEqual([
      expect.stringContaining('runs in the browser too'),
      expect.stringContaining('can only depend on libs tagged with "scope:shared"'),
    ]);
  });

  it('keeps campaigns out of the connectors', async () => {
    const problems = await lintAs(
      'packages/connectors',
      'src/probe.ts',
      "import { DIAGNOSTICS_PING_WORKFLOW } from '@loa/engine';\nexport const probe = DIAGNOSTICS_PING_WORKFLOW;\n",
    );
    expect(problems).toEqual([
      expect.stringContaining('can only depend on libs tagged with "scope:connectors"'),
    ]);
  });
});
