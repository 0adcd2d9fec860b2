/** Where a text stops being JSON, for messages that point at the place (line and column). */
/** The 1-based line and column of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {line: before.split('\n').length, column: offset - lineStart + 1};
}

const JSON_WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const JSON_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const isDigit = (character: string | undefined) => character !== undefined && character >= '0' && character <= '9';
const isHexDigit = (character: string | undefined) => character !== undefined && /^[0-9a-fA-F]$/.test(character);

/** Where a scanned token ends, or where it breaks. */
type Scan = {end: number} | {breaksAt: number};

/** A string starting at `start` (its opening '"'). */
function scanString(text: string, start: number): Scan {
  let index = start + 1;
  while (index < text.length) {
    const character = text[index];
    if (character === '"') return {end: index + 1};
    if (character < ' ') return {breaksAt: index}; // control characters must be escaped
    if (character === '\\') {
      const escape = text[index + 1];
      if (escape === 'u') {
        for (let digit = 2; digit < 6; digit++) if (!isHexDigit(text[index + digit])) return {breaksAt: index + digit};
        index += 6;
      } else if (escape !== undefined && JSON_ESCAPES.has(escape)) {
        index += 2;
      } else {
        return {breaksAt: index + 1};
      }
    } else {
      index++;
    }
  }
  return {breaksAt: text.length};
}

/** A number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
function scanNumber(text: string, start: number): Scan {
  let index = start;
  const digits = (): boolean => {
    if (!isDigit(text[index])) return false;
    while (isDigit(text[index])) index++;
    return true;
  };
  if (text[index] === '-') index++;
  if (text[index] === '0') index++;
  else if (!digits()) return {breaksAt: index};
  if (text[index] === '.') {
    index++;
    if (!digits()) return {breaksAt: index};
  }
  if (text[index] === 'e' || text[index] === 'E') {
    index++;
    if (text[index] === '+' || text[index] === '-') index++;
    if (!digits()) return {breaksAt: index};
  }
  return {end: index};
}

/** true, false or null at `start`; a word that is none of them breaks where it starts (a reader sees `format`, not its `o`). */
function scanLiteral(text: string, start: number): Scan {
  const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, start));
  return literal ? {end: start + literal.length} : {breaksAt: start};
}

/**
 * Where JSON.parse gave up, found again by a scanner of the JSON grammar (RFC 8259), because each
 * browser words its own error differently and some give no position. Iterative, so that deeply
 * nested input cannot overflow the stack.
 *
 * @returns the offset of the first character that cannot continue a JSON text (the length for an early end), or null when `text` is JSON.
 */
export function jsonErrorOffset(text: string): number | null {
  const open: ('array' | 'object')[] = [];
  type Expected = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';
  let expected: Expected = 'value';
  let index = 0;
  const afterValue = (): Expected => (open.length === 0 ? 'end' : 'commaOrClose');
  const close = () => {
    index++;
    open.pop();
    expected = afterValue();
  };
  for (;;) {
    while (index < text.length && JSON_WHITESPACE.has(text[index])) index++;
    const character = text[index];
    if (expected === 'end') return index === text.length ? null : index;
    if (character === undefined) return index;
    const inArray = open[open.length - 1] === 'array';
    if (expected === 'colon') {
      if (character !== ':') return index;
      index++;
      expected = 'value';
    } else if (expected === 'commaOrClose') {
      if (character === ',') {
        index++;
        expected = inArray ? 'value' : 'key';
      } else if (character === (inArray ? ']' : '}')) {
        close();
      } else {
        return index;
      }
    } else if (expected === 'keyOrClose' && character === '}') {
      close();
    } else if (expected === 'key' || expected === 'keyOrClose') {
      if (character !== '"') return index;
      const scan = scanString(text, index);
      if ('breaksAt' in scan) return scan.breaksAt;
      index = scan.end;
      expected = 'colon';
    } else if (expected === 'valueOrClose' && character === ']') {
      close();
    } else if (character === '{' || character === '[') {
      open.push(character === '{' ? 'object' : 'array');
      index++;
      expected = character === '{' ? 'keyOrClose' : 'valueOrClose';
    } else {
      const scan = character === '"' ? scanString(text, index) : character === '-' || isDigit(character) ? scanNumber(text, index) : scanLiteral(text, index);
      if ('breaksAt' in scan) return scan.breaksAt;
      index = scan.end;
      expected = afterValue();
    }
  }
}
