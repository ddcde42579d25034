import type { EntityManager } from 'typeorm';
import type { Workspace } from '../workspaces/workspaces.schemas';

export type WorkspaceDefaults = Pick<Workspace, 'timezone' | 'quietHours' | 'frequencyCaps'>;

/**
 * A new campaign's graph with the workspace's timezone, quiet hours and frequency caps wherever its own settings
 * do not say otherwise.
 */
export function withWorkspaceDefaults(
  graph: Record<string, unknown>,
  defaults: WorkspaceDefaults,
): Record<string, unknown> {
  const settings = isObject(graph.settings) ? graph.settings : {};
  return {
    ...graph,
    settings: {
      timezone: defaults.timezone,
      ...(defaults.quietHours && { quietHours: defaults.quietHours }),
      ...(defaults.frequencyCaps.length > 0 && { frequencyCaps: defaults.frequencyCaps }),
      ...settings,
    },
  };
}

export async function workspaceDefaults(
  manager: EntityManager,
  workspaceId: string,
): Promise<WorkspaceDefaults> {
  const rows: Array<{
    timezone: string;
    quiet_hours: WorkspaceDefaults['quietHours'];
    frequency_caps: WorkspaceDefaults['frequencyCaps'];
  }> = await manager.query(`SELECT timezone, quiet_hours, frequency_caps FROM workspaces WHERE id = $1`, [
    workspaceId,
  ]);
  const row = rows[0];
  return {
    timezone: row?.timezone ?? 'Asia/Ho_Chi_Minh',
    quietHours: row?.quiet_hours ?? null,
    frequencyCaps: row?.frequency_caps ?? [],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
