import type {OutputEvent, RunOutcome, RunRequest, WorkerMessage} from './types';

export interface RunHandle {
  stop(): void;
  done: Promise<RunOutcome>;
}

export const DEFAULT_TIME_LIMIT = 2000;
// Loading the worker (the library and the TypeScript stripper) is not the learner's time; it gets
// a separate, generous limit in case the chunk cannot be fetched.
const LOAD_LIMIT = 20_000;

// After a run, one unused worker is started and left waiting, so that the next Run does not pay
// for loading the runner (about 80 ms). It has never run anything: every run still gets a fresh one.
let spareWorker: Worker | null = null;

function createWorker(): Worker {
  return new Worker(new URL('./runner.worker.ts', import.meta.url), {type: 'module', name: 'notebook-runner'});
}

function takeWorker(): Worker {
  const worker = spareWorker ?? createWorker();
  spareWorker = null;
  return worker;
}

/**
 * Runs learner code in a fresh module worker. The time limit starts when the code starts; when it
 * passes, or on `stop()`, the worker is terminated, which ends even `while (true) {}`.
 */
export function runCode(
  code: string,
  options: {timeoutMilliseconds?: number; epilogue?: string; onEvent(event: OutputEvent): void},
): RunHandle {
  const limit = options.timeoutMilliseconds ?? DEFAULT_TIME_LIMIT;
  const requested = performance.now();
  let started = requested;
  let finish: (outcome: RunOutcome) => void = () => undefined;
  const done = new Promise<RunOutcome>((resolve) => (finish = resolve));
  const worker = takeWorker();
  let finished = false;
  let timer = setTimeout(() => end({status: 'error', milliseconds: LOAD_LIMIT, name: 'Error', message: 'The code runner did not start (its script could not be loaded).'}), LOAD_LIMIT);

  function end(outcome: RunOutcome): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    worker.terminate();
    spareWorker ??= createWorker();
    finish(outcome);
  }

  worker.onmessage = (message: MessageEvent<WorkerMessage>) => {
    const data = message.data;
    if (data.type === 'started') {
      started = performance.now();
      clearTimeout(timer);
      timer = setTimeout(() => end({status: 'timeout', milliseconds: performance.now() - started, limitMilliseconds: limit}), limit);
    } else if (data.type === 'event') {
      if (!finished) options.onEvent(data.event);
    } else {
      end(data.outcome);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    end({status: 'error', milliseconds: performance.now() - started, name: 'Error', message: event.message || 'The code runner failed to start.'});
  };
  const request: RunRequest = {type: 'run', code, epilogue: options.epilogue};
  worker.postMessage(request);
  return {stop: () => end({status: 'stopped', milliseconds: performance.now() - started}), done};
}
