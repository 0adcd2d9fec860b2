/**
 * One run of a learner's program: transpiled, given `skype`, `skype/simulations`, `show`, `expect` and
 * a console, and run to the end, with what it prints and how it ended reported through `post`. The
 * runner worker calls it for each run; the tests of the chapters' cells call it in Node.
 */
import * as skype from '../protocol';
import * as simulations from '../simulations';
import {expect} from './expect';
import {formatArguments, formatValue} from './format';
import {transpileForRun} from './transpile';
import type {HexAnnotation, OutputEvent, PlotSpec, RunRequest, SourcePosition, WorkerMessage} from './types';

const SOURCE_NAME = 'learner-code.ts';
const PARAMETERS = ['require', 'exports', 'module', 'show', 'expect', 'console'];
const MAX_EVENTS = 500;
const MAX_TEXT_LENGTH = 200_000;
const MAX_HEX_BYTES = 65_536;
const MAX_TABLE_ROWS = 1_000;
const MAX_PLOT_POINTS = 20_000;

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...source: string[]) => (...values: unknown[]) => Promise<unknown>;

// How many lines the engine puts before a Function body (its header), measured once, so that
// stack lines can be turned back into lines of the learner's source.
const HEADER_LINES = (() => {
  try {
    new Function(...PARAMETERS, `throw new Error()\n//# sourceURL=${SOURCE_NAME}`)();
  } catch (error) {
    const line = lineInStack(error);
    if (line) return line - 1;
  }
  return 2;
})();

function lineInStack(error: unknown): number | undefined {
  const match = new RegExp(`${SOURCE_NAME.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(String((error as Error)?.stack ?? ''));
  return match ? Number(match[1]) : undefined;
}

function positionOf(error: unknown): SourcePosition | undefined {
  const match = new RegExp(`${SOURCE_NAME.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(String((error as Error)?.stack ?? ''));
  if (!match) return undefined;
  const line = Number(match[1]) - HEADER_LINES;
  return line >= 1 ? {line, column: Number(match[2])} : undefined;
}

function requireAnnotations(annotations: unknown): HexAnnotation[] {
  if (annotations === undefined) return [];
  if (!Array.isArray(annotations)) throw new TypeError('show.hex: annotations must be an array of {start, end, label}');
  return annotations.map((annotation, index) => {
    const {start, end, label} = (annotation ?? {}) as Partial<HexAnnotation>;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
      throw new TypeError(`show.hex: annotation ${index} needs whole numbers start ≤ end, got ${formatValue(annotation, 1)}`);
    }
    return {start: start as number, end: end as number, label: String(label ?? `field ${index + 1}`)};
  });
}

function requireModule(name: string): unknown {
  if (name === 'skype') return skype;
  if (name === 'skype/simulations') return simulations;
  throw new Error(`only the site's own modules can be imported here: 'skype' (the protocol library) and 'skype/simulations' (not '${name}')`);
}

/** Runs `request`'s code (and its epilogue, for an exercise's check) and reports every output and the outcome. */
export async function runProgram({code, epilogue}: RunRequest, post: (message: WorkerMessage) => void): Promise<void> {
  let eventCount = 0;
  let textLength = 0;
  let cut = false;

  /** Sends an output event unless this run has already printed as much as a cell may show. */
  function emit(event: OutputEvent, size: number): void {
    if (cut) return;
    eventCount++;
    textLength += size;
    if (eventCount > MAX_EVENTS || textLength > MAX_TEXT_LENGTH) {
      cut = true;
      post({type: 'event', event: {kind: 'truncated', text: `Output stopped here: a cell shows at most ${MAX_EVENTS} outputs and ${MAX_TEXT_LENGTH / 1000} k characters. The code went on running.`}});
      return;
    }
    post({type: 'event', event});
  }

  const learnerConsole = Object.fromEntries(
    (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => [
      method,
      (...values: unknown[]) => {
        const text = formatArguments(values);
        emit({kind: 'console', level: method === 'debug' ? 'log' : method, text}, text.length);
      },
    ]),
  );

  const show = {
    /** Draws bytes in the site's hex view, with optional labelled fields [start, end). */
    hex(bytes: unknown, annotations?: unknown) {
      if (!(bytes instanceof Uint8Array)) throw new TypeError(`show.hex needs a Uint8Array, got ${formatValue(bytes, 1)}`);
      emit({kind: 'hex', bytes: bytes.slice(0, MAX_HEX_BYTES), annotations: requireAnnotations(annotations)}, Math.min(bytes.length, MAX_HEX_BYTES) * 3);
    },
    /** Draws an array of objects as a table, one column per key. */
    table(rows: unknown) {
      if (!Array.isArray(rows)) throw new TypeError(`show.table needs an array of rows, got ${formatValue(rows, 1)}`);
      const shown = rows.slice(0, MAX_TABLE_ROWS).map((row) => (typeof row === 'object' && row !== null ? row : {value: row}) as Record<string, unknown>);
      const columns = [...new Set(shown.flatMap((row) => Object.keys(row)))].slice(0, 50);
      const cells = shown.map((row) => Object.fromEntries(columns.map((column) => [column, column in row ? formatValue(row[column], row[column] && typeof row[column] === 'object' ? 1 : 0) : ''])));
      emit({kind: 'table', rows: cells, columns}, JSON.stringify(cells).length);
      if (rows.length > MAX_TABLE_ROWS) learnerConsole.warn(`show.table showed the first ${MAX_TABLE_ROWS} of ${rows.length} rows`);
    },
    /** Draws an Observable Plot chart described as data: {marks: [{mark: 'dot', data, options: {x: 'a', y: 'b'}}]}. */
    plot(spec: unknown) {
      const marks = (spec as PlotSpec)?.marks;
      if (!Array.isArray(marks) || marks.some((mark) => typeof mark?.mark !== 'string')) {
        throw new TypeError("show.plot needs {marks: [{mark: 'dot', data: […], options: {x: 'key', y: 'key'}}, …]}");
      }
      const points = marks.reduce((total, mark) => total + (Array.isArray(mark.data) ? mark.data.length : 0), 0);
      if (points > MAX_PLOT_POINTS) throw new RangeError(`show.plot draws at most ${MAX_PLOT_POINTS} points, got ${points}`);
      try {
        structuredClone(spec);
      } catch {
        throw new TypeError('show.plot: the chart must be plain data (numbers, strings, arrays, objects), not functions');
      }
      emit({kind: 'plot', spec: spec as PlotSpec}, JSON.stringify(spec).length);
    },
  };

  const started = performance.now();
  const compiled = transpileForRun(epilogue ? `${code}\n${epilogue}` : code);
  if (!compiled.ok) {
    post({type: 'done', outcome: {status: 'error', milliseconds: 0, name: 'SyntaxError', message: compiled.message, position: compiled.position}});
    return;
  }
  post({type: 'started'});
  try {
    const program = new AsyncFunction(...PARAMETERS, `${compiled.body}\n//# sourceURL=${SOURCE_NAME}`);
    const value = await program(requireModule, {}, {exports: {}}, show, expect, learnerConsole);
    if (value !== undefined) {
      const text = formatValue(value, 1);
      emit({kind: 'result', text}, text.length);
    }
    post({type: 'done', outcome: {status: 'ok', milliseconds: performance.now() - started}});
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const text = error instanceof Error ? error.message : formatValue(error, 1);
    post({type: 'done', outcome: {status: 'error', milliseconds: performance.now() - started, name, message: text, position: positionOf(error)}});
  }
}
