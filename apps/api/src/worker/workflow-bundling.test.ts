import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { join } from 'node:path';
import { workflowBundlerOptions, workflowsPath } from './workflow-bundling';

const aliasProbe = join(__dirname, 'testing', 'alias-probe.workflow.ts');

describe('workflow bundling', () => {
  it('takes the engine workflows from source in the workspace', () => {
    expect(workflowsPath()).toMatch(/packages[\\/]engine[\\/]src[\\/]workflows[\\/]index\.ts$/);
  });

  it('resolves the @loa/* path aliases inside workflow code', async () => {
    const quiet = new DefaultLogger('WARN');
    const { code } = await bundleWorkflowCode({
      workflowsPath: aliasProbe,
      logger: quiet,
      ...workflowBundlerOptions(),
    });
    expect(code).toContain('aliasProbe');
    expect(code).toContain('describeWorker');
  });

  it('cannot resolve them without the aliases, which is why the hook exists', async () => {
    const errors: string[] = [];
    const logger = new DefaultLogger('ERROR', ({ message }) => errors.push(message));
    await expect(bundleWorkflowCode({ workflowsPath: aliasProbe, logger })).rejects.toThrow(
      /Webpack finished with errors/,
    );
    expect(errors.join('\n')).toContain('"./workflows/diagnostics-ping.workflow" is not exported');
  });

  it('adds nothing outside a workspace checkout', () => {
    expect(workflowBundlerOptions('/')).toEqual({});
  });
});
