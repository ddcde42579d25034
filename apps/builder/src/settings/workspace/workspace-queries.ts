import type { paths } from '@loa/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import type { JsonBody } from '../../api/json-body';
import { SESSION_KEY } from '../../auth/session';
// One cache entry per resource: the editor decides between submit and publish from the same workspace answer.
import { workspaceKey } from '../../editor/lifecycle/lifecycle-queries';

export type Workspace = JsonBody<paths['/workspace']['get']['responses'][200]>;
export type WorkspaceChange = NonNullable<
  paths['/workspace']['patch']['requestBody']
>['content']['application/json'];

export function useWorkspace() {
  return useQuery({ queryKey: workspaceKey, queryFn: () => unwrap(api.GET('/workspace')) });
}

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkspaceChange) => unwrap(api.PATCH('/workspace', { body })),
    onSuccess: async (workspace) => {
      queryClient.setQueryData(workspaceKey, workspace);
      // The shell shows the workspace's name and formats times in its time zone.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
