import {describe, expect, it} from 'vitest';
import {readShareHash, shareUrl} from './share';

describe('share links', () => {
  it('round-trips code with any characters through the hash', () => {
    const code = "import {crc32} from 'skype';\nconsole.log(`+ & = # é ${1 + 1}`);";
    const url = shareUrl('http://127.0.0.1:3000/docs/obfuscation#old', 'crc cell', code);
    expect(url.startsWith('http://127.0.0.1:3000/docs/obfuscation#cell=crc%20cell&code=')).toBe(true);
    expect(readShareHash(new URL(url).hash)).toEqual({cellId: 'crc cell', code});
  });
  it('ignores other hashes and reports damaged links', () => {
    expect(readShareHash('#the-crc')).toBeNull();
    expect(readShareHash('')).toBeNull();
    expect(readShareHash('#cell=a&code=%%%')).toMatchObject({cellId: 'a', problem: expect.stringMatching(/damaged/)});
    expect(readShareHash('#cell=%E0%A4%A&code=abc')).toHaveProperty('problem');
  });
});

