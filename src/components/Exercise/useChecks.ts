import {useCallback, useEffect, useRef, useState} from 'react';
import {runChecks, type CheckResult} from '@site/src/live/exercise';
import {exerciseStatus, markExercise, type ExerciseStatus} from '@site/src/live/progress';
import type {ExerciseCheck} from '@site/src/live/types';

export interface Checks {
  /** One entry per check: its result, or null while it has not run (yet). */
  results: (CheckResult | null)[];
  checking: boolean;
  /** Whether the reader has checked since the page loaded. */
  checked: boolean;
  status: ExerciseStatus;
  check(code: string): void;
  stop(): void;
}

/** Runs an exercise's checks against the reader's code and records the attempt in the progress store. */
export function useChecks(pagePath: string, exerciseId: string, checks: ExerciseCheck[]): Checks {
  const [results, setResults] = useState<(CheckResult | null)[]>(() => checks.map(() => null));
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState(false);
  const [status, setStatus] = useState<ExerciseStatus>('new');
  const current = useRef<{stop(): void} | null>(null);

  // Progress lives in the browser, so it is read after the server-rendered page has hydrated.
  useEffect(() => setStatus(exerciseStatus(pagePath, exerciseId)), [pagePath, exerciseId]);

  useEffect(
    () => () => {
      const handle = current.current;
      current.current = null;
      handle?.stop();
    },
    [],
  );

  const check = useCallback(
    (code: string) => {
      current.current?.stop();
      setResults(checks.map(() => null));
      setChecking(true);
      setChecked(true);
      const handle = runChecks(code, checks, (result, index) => {
        if (current.current !== handle) return;
        setResults((previous) => previous.map((entry, position) => (position === index ? result : entry)));
      });
      current.current = handle;
      void handle.done.then((all) => {
        if (current.current !== handle) return;
        current.current = null;
        markExercise(pagePath, exerciseId, all.length === checks.length && all.every((result) => result.passed));
        setStatus(exerciseStatus(pagePath, exerciseId));
        setChecking(false);
      });
    },
    [pagePath, exerciseId, checks],
  );

  const stop = useCallback(() => current.current?.stop(), []);

  return {results, checking, checked, status, check, stop};
}
