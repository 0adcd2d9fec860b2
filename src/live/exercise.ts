import {runCode} from './runCode';
import type {ExerciseCheck, RunOutcome} from './types';

export interface CheckResult {
  name: string;
  passed: boolean;
  message: string;
  milliseconds: number;
}

/** Generous by default: a correct but slow solution must pass. */
export const DEFAULT_CHECK_TIME_LIMIT = 10_000;

/** `learnerLines`: errors on later lines are in the check code, which follows the learner's. */
function describeOutcome(outcome: RunOutcome, learnerLines: number): string {
  switch (outcome.status) {
    case 'ok':
      return 'passed';
    case 'timeout':
      return `did not finish within ${outcome.limitMilliseconds / 1000} s — is there an endless loop?`;
    case 'stopped':
      return 'stopped';
    case 'error':
      if (!outcome.position) return `${outcome.name}: ${outcome.message}`;
      return `${outcome.name}: ${outcome.message} (${outcome.position.line <= learnerLines ? `line ${outcome.position.line}` : 'in the check'})`;
  }
}

/**
 * Runs each check after the learner's code, each in its own sandboxed run with its own time budget,
 * one after another, reporting each result as it comes.
 */
export function runChecks(
  code: string,
  checks: ExerciseCheck[],
  onResult?: (result: CheckResult, index: number) => void,
): {stop(): void; done: Promise<CheckResult[]>} {
  let stopped = false;
  let stopCurrent = () => undefined as void;
  const done = (async () => {
    const results: CheckResult[] = [];
    for (const [index, check] of checks.entries()) {
      if (stopped) break;
      const handle = runCode(code, {
        epilogue: check.code,
        timeoutMilliseconds: check.timeoutMilliseconds ?? DEFAULT_CHECK_TIME_LIMIT,
        onEvent: () => undefined,
      });
      stopCurrent = handle.stop;
      const outcome = await handle.done;
      const result = {name: check.name, passed: outcome.status === 'ok', message: describeOutcome(outcome, code.split('\n').length), milliseconds: outcome.milliseconds};
      results.push(result);
      onResult?.(result, index);
    }
    return results;
  })();
  return {
    stop() {
      stopped = true;
      stopCurrent();
    },
    done,
  };
}
