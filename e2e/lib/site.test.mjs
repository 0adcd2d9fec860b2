import {describe, expect, it} from 'vitest';
import {anchorsInHtml, classifyLinks, isForeignRequest, pathsFromSitemap} from './site.mjs';

describe('pathsFromSitemap', () => {
  it('rebases every <loc> onto its path and removes duplicates', () => {
    const xml = `<?xml version="1.0"?><urlset>
      <url><loc>https://example.org/docs/obfuscation</loc></url>
      <url><loc>https://example.org/</loc></url>
      <url><loc>https://example.org/docs/obfuscation</loc></url></urlset>`;
    expect(pathsFromSitemap(xml)).toEqual(['/', '/docs/obfuscation']);
  });
});

describe('isForeignRequest', () => {
  const base = 'http://127.0.0.1:4321';
  it('accepts the local server, data: and blob: URLs', () => {
    expect(isForeignRequest('http://127.0.0.1:4321/assets/js/main.js', base)).toBe(false);
    expect(isForeignRequest('data:image/png;base64,AAAA', base)).toBe(false);
    expect(isForeignRequest('blob:http://127.0.0.1:4321/1234', base)).toBe(false);
  });
  it('flags a CDN, a web font host and another port of the same machine', () => {
    expect(isForeignRequest('https://cdn.jsdelivr.net/npm/monaco-editor', base)).toBe(true);
    expect(isForeignRequest('https://fonts.gstatic.com/s/roboto.woff2', base)).toBe(true);
    expect(isForeignRequest('http://127.0.0.1:9999/', base)).toBe(true);
  });
});

describe('anchorsInHtml', () => {
  it('finds quoted and unquoted id and name attributes and decodes entities', () => {
    const ids = anchorsInHtml('<h2 id="the-crc">x</h2><a name=\'old\'></a><p id="a&amp;b"></p><div id=main class=x><div data-id="no">');
    expect([...ids].sort()).toEqual(['a&b', 'main', 'old', 'the-crc']);
  });
});

describe('classifyLinks', () => {
  it('separates internal targets with fragments from external and unusable links', () => {
    const result = classifyLinks(
      ['/docs/references#baset2004', 'obfuscation', 'https://arxiv.org/abs/cs/0412017', 'mailto:x@y.z'],
      'http://127.0.0.1:4321/docs/introduction',
      'http://127.0.0.1:4321',
    );
    expect(result.internal).toEqual([
      {path: '/docs/references', fragment: 'baset2004'},
      {path: '/docs/obfuscation', fragment: ''},
    ]);
    expect(result.external).toEqual(['https://arxiv.org/abs/cs/0412017']);
    expect(result.other).toEqual(['mailto:x@y.z']);
  });
});
