import { createContext, useContext } from 'react';
import type { FlushResult } from './autosave';

/** Nothing to save in a read-only editor, or outside one. */
const nothingToSave = (): Promise<FlushResult> => Promise.resolve('saved');

const FlushSaveContext = createContext<() => Promise<FlushResult>>(nothingToSave);

/** Gives the editor's screens the open editor's "save what is pending now". */
export const FlushSaveProvider = FlushSaveContext.Provider;

/** Saves the editor's pending changes now; resolves when they are saved, or with why they are not. */
export const useFlushSave = () => useContext(FlushSaveContext);
