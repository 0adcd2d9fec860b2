/**
 * The messages between a page and the sandboxed runner worker, and what a run produces. The worker
 * (runner.worker.ts) runs learners' TypeScript; the page (runCode.ts) starts it, stops it, and
 * hands each event to the view.
 */

/** A field of a byte view: bytes [start, end) get a label and a colour of their own. */
export interface HexAnnotation {
  start: number;
  end: number;
  label: string;
}

/**
 * A chart as data, since Observable Plot's mark objects cannot cross from the worker to the page:
 * each mark names a Plot mark function (`dot`, `line`, `lineY`, `barY`, `rectY`, `ruleY`, `text`, …) with
 * its data and options (channel names as strings; no functions).
 */
export interface PlotSpec {
  marks: {mark: string; data?: unknown[]; options?: Record<string, unknown>}[];
  title?: string;
  width?: number;
  height?: number;
  x?: Record<string, unknown>;
  y?: Record<string, unknown>;
  color?: Record<string, unknown>;
}

/** One thing the learner's code printed or showed, in order. */
export type OutputEvent =
  | {kind: 'console'; level: 'log' | 'info' | 'warn' | 'error'; text: string}
  | {kind: 'hex'; bytes: Uint8Array; annotations: HexAnnotation[]}
  | {kind: 'table'; rows: Record<string, string>[]; columns: string[]}
  | {kind: 'plot'; spec: PlotSpec}
  | {kind: 'result'; text: string}
  /** Output was cut: more lines or bytes than a cell may print. */
  | {kind: 'truncated'; text: string};

/** Where an error happened in the learner's own source (1-based), when known. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The end of a run. */
export type RunOutcome =
  | {status: 'ok'; milliseconds: number}
  | {status: 'error'; milliseconds: number; name: string; message: string; position?: SourcePosition}
  | {status: 'timeout'; milliseconds: number; limitMilliseconds: number}
  | {status: 'stopped'; milliseconds: number};

/** A self-checking exercise's check: code run after the learner's code, in the same module. */
export interface ExerciseCheck {
  /** What the check verifies, shown to the learner ("skypeCrc32 of '123456789' is 0x340bc6d9"). */
  name: string;
  /** TypeScript that calls the learner's code and uses `expect(actual).toBe(expected)` etc. */
  code: string;
  /** Time budget of this check; generous by default (10 s) so that correct but slow code passes. */
  timeoutMilliseconds?: number;
}

/** page → worker */
export interface RunRequest {
  type: 'run';
  /** The learner's TypeScript (an ES module: `import … from 'skype'`, top-level await allowed). */
  code: string;
  /** Appended after `code` in the same module, for exercise checks. */
  epilogue?: string;
}

/** worker → page. `started` marks the moment the learner's code begins, when the time limit starts. */
export type WorkerMessage = {type: 'started'} | {type: 'event'; event: OutputEvent} | {type: 'done'; outcome: RunOutcome};
