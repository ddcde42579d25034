import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `delayMs` (e.g. typing has paused). */
export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  const serialised = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(serialised) as T), delayMs);
    return () => clearTimeout(timer);
  }, [serialised, delayMs]);
  return settled;
}
