import {describe, expect, it} from 'vitest';
import {memoryStorage} from '@site/src/live/testing';
import {answersKey, loadAnswers, saveAnswers} from './answers';

describe('quiz answers in storage', () => {
  it('saveAnswers then loadAnswers gives the answers back, per page and quiz', () => {
    const storage = memoryStorage();
    saveAnswers('/docs/obfuscation', 'obfuscation-quiz', {'crc-variant': [1], 'key-length': '0x50'}, storage);
    expect(loadAnswers('/docs/obfuscation', 'obfuscation-quiz', storage)).toEqual({'crc-variant': [1], 'key-length': '0x50'});
    expect(loadAnswers('/docs/compression', 'obfuscation-quiz', storage)).toEqual({});
    expect(storage.getItem('skype-notebook:quiz:/docs/obfuscation#obfuscation-quiz')).toBe('{"crc-variant":[1],"key-length":"0x50"}');
  });

  it('leaves out empty answers, and removes the entry when none is left', () => {
    const storage = memoryStorage();
    saveAnswers('/p', 'q', {a: [], b: '', c: [0]}, storage);
    expect(loadAnswers('/p', 'q', storage)).toEqual({c: [0]});
    saveAnswers('/p', 'q', {a: []}, storage);
    expect(storage.getItem(answersKey('/p', 'q'))).toBeNull();
  });

  it('reads damaged entries as no answers, and drops answers of the wrong shape', () => {
    const storage = memoryStorage();
    storage.setItem(answersKey('/p', 'q'), '{not json');
    expect(loadAnswers('/p', 'q', storage)).toEqual({});
    storage.setItem(answersKey('/p', 'q'), '[1, 2]');
    expect(loadAnswers('/p', 'q', storage)).toEqual({});
    storage.setItem(answersKey('/p', 'q'), JSON.stringify({a: [0, -1], b: [1.5], c: 7, d: 'x'.repeat(201), e: '12', f: [2]}));
    expect(loadAnswers('/p', 'q', storage)).toEqual({e: '12', f: [2]});
  });

  it('never throws when storage is disabled or full', () => {
    expect(loadAnswers('/p', 'q', null)).toEqual({});
    expect(() => saveAnswers('/p', 'q', {a: [1]}, null)).not.toThrow();
    expect(() => saveAnswers('/p', 'q', {a: [1]}, memoryStorage({full: true}))).not.toThrow();
  });
});
