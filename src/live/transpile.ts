import {parse} from 'acorn';
import {transform} from 'sucrase';
import type {SourcePosition} from './types';

/** The learner's code, made runnable as the body of an async function, or why it cannot be. */
export type TranspileResult = {ok: true; body: string} | {ok: false; message: string; position?: SourcePosition};

/**
 * Strips TypeScript and turns `import … from 'skype'` into `require('skype')` (sucrase keeps every
 * line where it was, so error lines still match the learner's source), then makes a final
 * expression statement the function's return value, so that its value can be shown.
 */
export function transpileForRun(code: string): TranspileResult {
  let javascript: string;
  try {
    javascript = transform(code, {transforms: ['typescript', 'imports'], disableESTransforms: true, production: true}).code;
  } catch (error) {
    return {ok: false, message: (error as Error).message.replace(/\s*\(\d+:\d+\)$/, ''), position: positionInMessage((error as Error).message)};
  }
  let program;
  try {
    program = parse(javascript, {ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true, locations: true});
  } catch (error) {
    const location = (error as {loc?: {line: number; column: number}}).loc;
    return {ok: false, message: (error as Error).message.replace(/\s*\(\d+:\d+\)$/, ''), position: location && {line: location.line, column: location.column + 1}};
  }
  const last = program.body.at(-1);
  if (last?.type === 'ExpressionStatement' && !('directive' in last && last.directive)) {
    const expression = javascript.slice(last.expression.start, last.expression.end);
    javascript = `${javascript.slice(0, last.start)}return (${expression});${javascript.slice(last.end)}`;
  }
  return {ok: true, body: javascript};
}

/** sucrase and acorn end their messages with "(line:column)", column counted from 0. */
function positionInMessage(message: string): SourcePosition | undefined {
  const match = /\((\d+):(\d+)\)\s*$/.exec(message);
  return match ? {line: Number(match[1]), column: Number(match[2]) + 1} : undefined;
}
