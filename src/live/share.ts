import {compressToEncodedURIComponent, decompressFromEncodedURIComponent} from 'lz-string';

/** Longest code a share link may carry; longer links break in some browsers and chat tools. */
export const MAX_SHARED_CODE_LENGTH = 50_000;

/**
 * A link that reopens the page with a cell's code in the URL hash:
 * `#cell=<cell id>&code=<code compressed with lz-string>`.
 */
export function shareUrl(pageUrl: string, cellId: string, code: string): string {
  const base = pageUrl.split('#')[0];
  return `${base}#cell=${encodeURIComponent(cellId)}&code=${compressToEncodedURIComponent(code)}`;
}

/**
 * Reads a share link's hash: the cell and code, a problem to show (with the cell it concerns, when that
 * much can be read), or null when the hash is not a share link. Parsed by hand because lz-string's
 * alphabet uses "+", which URLSearchParams reads as a space.
 */
export function readShareHash(hash: string): {cellId: string; code: string} | {problem: string; cellId?: string} | null {
  const fields = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const separator = part.indexOf('=');
    if (separator > 0) fields.set(part.slice(0, separator), part.slice(separator + 1));
  }
  if (!fields.has('cell') || !fields.has('code')) return null;
  let cellId: string;
  try {
    cellId = decodeURIComponent(fields.get('cell') as string);
  } catch {
    return {problem: 'This shared link is damaged: its cell name cannot be read.'};
  }
  const packed = fields.get('code') as string;
  const code = packed.length > MAX_SHARED_CODE_LENGTH * 2 ? null : decompressFromEncodedURIComponent(packed);
  if (!code && packed.length > 0) return {cellId, problem: 'This shared link is damaged or cut short: its code cannot be unpacked. Ask for the link again.'};
  if ((code ?? '').length > MAX_SHARED_CODE_LENGTH) return {cellId, problem: `This shared link carries more than ${MAX_SHARED_CODE_LENGTH} characters of code, more than a cell takes.`};
  return {cellId, code: code ?? ''};
}
