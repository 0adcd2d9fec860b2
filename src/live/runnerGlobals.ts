// The names the runner gives every cell besides `import … from 'skype'` (see runner.worker.ts), as a
// declaration file for the editor, so that Monaco knows them too.
export const runnerGlobalsDeclaration = `
interface HexAnnotation { start: number; end: number; label: string }
interface PlotMark { mark: string; data?: unknown[]; options?: Record<string, unknown> }
interface PlotSpec { marks: PlotMark[]; title?: string; width?: number; height?: number; x?: Record<string, unknown>; y?: Record<string, unknown>; color?: Record<string, unknown> }
/** Output helpers of the notebook. */
declare const show: {
  /** Draws bytes in the site's hex view; annotations label byte ranges [start, end). */
  hex(bytes: Uint8Array, annotations?: HexAnnotation[]): void;
  /** Draws an array of objects as a table. */
  table(rows: object[]): void;
  /** Draws an Observable Plot chart given as data, e.g. {marks: [{mark: 'dot', data, options: {x: 'a', y: 'b'}}]}. */
  plot(spec: PlotSpec): void;
};
/** Checks a value, as exercises do; throws with "expected …, got …" when it does not match. */
declare function expect(actual: unknown): {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toBeTruthy(): void;
  toBeCloseTo(expected: number, digits?: number): void;
  toThrow(pattern?: string | RegExp): void;
};
`;
