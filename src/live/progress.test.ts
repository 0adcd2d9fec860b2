import {describe, expect, it} from 'vitest';
import {exerciseStatus, markExercise} from './progress';
import {memoryStorage} from './testing';

describe('exercise progress', () => {
  it('records attempts and never downgrades a pass', () => {
    const storage = memoryStorage();
    expect(exerciseStatus('/p', 'e', storage)).toBe('new');
    markExercise('/p', 'e', false, storage);
    expect(exerciseStatus('/p', 'e', storage)).toBe('attempted');
    markExercise('/p', 'e', true, storage);
    markExercise('/p', 'e', false, storage);
    expect(exerciseStatus('/p', 'e', storage)).toBe('passed');
  });
});
