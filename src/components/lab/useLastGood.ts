import {useRef} from 'react';

/** A computation's outcome: its value, or a message saying what is wrong with the input. */
export type Attempt<T> = {ok: true; value: T} | {ok: false; message: string};

/**
 * Keeps the last good value while the input is bad, so that a widget goes on showing its last
 * result beside the alert instead of going blank. `fallback` is shown when nothing has ever worked.
 */
export function useLastGood<T>(attempt: Attempt<T>, fallback: T): {value: T; problem: string | null} {
  const lastGood = useRef<T>(fallback);
  if (attempt.ok) lastGood.current = attempt.value;
  return {value: attempt.ok ? attempt.value : lastGood.current, problem: attempt.ok ? null : attempt.message};
}
