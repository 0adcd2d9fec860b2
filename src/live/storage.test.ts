import {describe, expect, it} from 'vitest';
import {clearEdit, hashText, loadEdit, saveEdit} from './storage';
import {memoryStorage} from './testing';

describe('edits in storage', () => {
  it('keeps an edit and finds it again for the same original', () => {
    const storage = memoryStorage();
    expect(saveEdit('/docs/obfuscation', 'seed', 'original', 'edited code', storage)).toEqual({});
    expect(loadEdit('/docs/obfuscation', 'seed', 'original', storage)).toEqual({edit: {code: 'edited code', status: 'edited'}});
    expect(loadEdit('/docs/obfuscation', 'other', 'original', storage)).toEqual({edit: null});
  });
  it('reports a changed lesson as stale and offers the original the edit was based on', () => {
    const storage = memoryStorage();
    saveEdit('/p', 'c', 'old lesson', 'my code', storage);
    expect(loadEdit('/p', 'c', 'new lesson', storage).edit).toEqual({code: 'my code', status: 'stale', storedOriginal: 'old lesson'});
  });
  it('forgets an edit that returns to the original, and on clear', () => {
    const storage = memoryStorage();
    saveEdit('/p', 'c', 'o', 'x', storage);
    saveEdit('/p', 'c', 'o', 'o', storage);
    expect(loadEdit('/p', 'c', 'o', storage).edit).toBeNull();
    saveEdit('/p', 'c', 'o', 'x', storage);
    clearEdit('/p', 'c', storage);
    expect(loadEdit('/p', 'c', 'o', storage).edit).toBeNull();
  });
  it('keeps a damaged entry aside and says so', () => {
    const storage = memoryStorage();
    storage.setItem('skype-notebook:edit:/p#c', '{not json');
    const result = loadEdit('/p', 'c', 'o', storage);
    expect(result.edit).toBeNull();
    expect(result.problem).toMatch(/damaged/);
    expect(storage.getItem('skype-notebook:edit:/p#c:damaged')).toBe('{not json');
  });
  it('says when storage is full or missing instead of throwing', () => {
    expect(saveEdit('/p', 'c', 'o', 'x', memoryStorage({full: true})).problem).toMatch(/storage is full/);
    expect(saveEdit('/p', 'c', 'o', 'x', null).problem).toMatch(/disabled/);
    expect(loadEdit('/p', 'c', 'o', null).problem).toMatch(/disabled/);
  });
  it('hashes text stably', () => {
    expect(hashText('')).toBe('811c9dc5');
    expect(hashText('a')).not.toBe(hashText('b'));
  });
});

