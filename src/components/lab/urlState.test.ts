import {describe, expect, it} from 'vitest';
import {readUrlInputs, urlWithInputs} from './urlState';

describe('widget inputs in the address', () => {
  it('reads only the named inputs of its own widget', () => {
    expect(readUrlInputs('?kd.src=0.0.0.0&kd.other=1&ua.src=9.9.9.9', 'kd', ['src', 'dst'])).toEqual({src: '0.0.0.0'});
    expect(readUrlInputs('', 'kd', ['src'])).toEqual({});
  });
  it('round-trips values with spaces and symbols', () => {
    const href = urlWithInputs('https://example.org/docs/obfuscation', 'kd', {plaintext: '04 da 01', note: 'a&b=c'}, 'key-derivation');
    expect(readUrlInputs(new URL(href).search, 'kd', ['plaintext', 'note'])).toEqual({plaintext: '04 da 01', note: 'a&b=c'});
  });
  it('replaces its own earlier inputs, keeps the rest and sets the anchor', () => {
    const href = urlWithInputs('https://example.org/docs/a?kd.src=1.2.3.4&kd.iv=5&ua.sample=x#top', 'kd', {src: '0.0.0.0'}, 'key-derivation');
    const url = new URL(href);
    expect(url.searchParams.get('kd.src')).toBe('0.0.0.0');
    expect(url.searchParams.has('kd.iv')).toBe(false);
    expect(url.searchParams.get('ua.sample')).toBe('x');
    expect(url.hash).toBe('#key-derivation');
  });
});
