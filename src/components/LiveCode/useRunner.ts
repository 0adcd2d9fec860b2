import {useCallback, useEffect, useRef, useState} from 'react';
import {runCode, type RunHandle} from '@site/src/live/runCode';
import type {OutputEvent, RunOutcome} from '@site/src/live/types';

export interface Runner {
  events: OutputEvent[];
  outcome: RunOutcome | null;
  running: boolean;
  run(code: string): void;
  stop(): void;
}

/**
 * Runs a cell's code in the sandboxed worker (so the page stays responsive) and collects what it
 * shows, in order. A new run, or leaving the page, ends the previous one.
 */
export function useRunner(timeoutMilliseconds?: number): Runner {
  const [events, setEvents] = useState<OutputEvent[]>([]);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<RunHandle | null>(null);

  const run = useCallback(
    (code: string) => {
      current.current?.stop();
      setEvents([]);
      setOutcome(null);
      setRunning(true);
      const handle = runCode(code, {
        timeoutMilliseconds,
        onEvent: (event) => {
          if (current.current === handle) setEvents((previous) => [...previous, event]);
        },
      });
      current.current = handle;
      void handle.done.then((result) => {
        if (current.current !== handle) return;
        current.current = null;
        setOutcome(result);
        setRunning(false);
      });
    },
    [timeoutMilliseconds],
  );

  const stop = useCallback(() => current.current?.stop(), []);

  useEffect(
    () => () => {
      const handle = current.current;
      current.current = null;
      handle?.stop();
    },
    [],
  );

  return {events, outcome, running, run, stop};
}
