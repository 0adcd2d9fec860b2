import {describe, expect, it} from 'vitest';
import {transpileForRun} from './transpile';

describe('transpileForRun', () => {
  it('strips types and turns the skype import into require, keeping lines', () => {
    const result = transpileForRun(`import {crc32} from 'skype';\nconst data: Uint8Array = new Uint8Array(3);\nconsole.log(crc32(data));`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toContain("require('skype')");
    expect(result.body).not.toContain(': Uint8Array');
    expect(result.body.split('\n')).toHaveLength(3);
  });

  it('returns the value of a final expression statement', () => {
    const result = transpileForRun('const answer = 6 * 7;\nanswer + 0');
    expect(result.ok && result.body.trim().endsWith('return (answer + 0);')).toBe(true);
  });

  it('leaves a final declaration alone', () => {
    const result = transpileForRun('function f() {}\nconst x = 1;');
    expect(result.ok && !result.body.includes('return')).toBe(true);
  });

  it('reports a syntax error with the line and column of the learner source', () => {
    const result = transpileForRun('const a = 1;\nconst b = ;\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position?.line).toBe(2);
    expect(result.message.length).toBeGreaterThan(0);
  });

  it('allows top-level await', () => {
    expect(transpileForRun('const value = await Promise.resolve(1);\nvalue').ok).toBe(true);
  });
});
