import { createContext, useContext, type ReactNode } from 'react';

/** What a screen shows on top of each step of a read-only canvas (e.g. the report's per-step figures). */
export type RenderStepOverlay = (stepId: string) => ReactNode;

export const StepOverlayContext = createContext<RenderStepOverlay | undefined>(undefined);

export function useStepOverlay(): RenderStepOverlay | undefined {
  return useContext(StepOverlayContext);
}
