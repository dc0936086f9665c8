/**
 * Go string-literal unquoting, as build settings in modinfo need it: a key or value that holds a space, tab,
 * quote or similar is written as a Go quoted string ("..." with escapes, or `...` raw). Escapes can produce raw
 * bytes (\x, octal), so the result is assembled as bytes and decoded as UTF-8 at the end.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '\\': 0x5c,
  '"': 0x22,
};

/** Digits and radix of the numeric escapes, keyed by the letter after the backslash. */
const NUMERIC_ESCAPES: Record<string, { digits: number; radix: number; rune: boolean }> = {
  x: { digits: 2, radix: 16, rune: false },
  u: { digits: 4, radix: 16, rune: true },
  U: { digits: 8, radix: 16, rune: true },
};

function parseDigits(text: string, radix: number): number | null {
  const pattern = radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  return pattern.test(text) ? parseInt(text, radix) : null;
}

function isValidRune(value: number): boolean {
  return value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
}

/** One escape starting at text[at] (just after the backslash): the bytes it stands for and its length. */
function readEscape(text: string, at: number): { bytes: number[]; length: number } | null {
  const letter = text[at];
  if (letter === undefined) return null;
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return { bytes: [simple], length: 1 };
  const numeric = NUMERIC_ESCAPES[letter];
  if (numeric) {
    const value = parseDigits(text.slice(at + 1, at + 1 + numeric.digits), numeric.radix);
    if (value === null || text.length < at + 1 + numeric.digits) return null;
    if (!numeric.rune) return { bytes: [value], length: 1 + numeric.digits };
    if (!isValidRune(value)) return null;
    return { bytes: [...encoder.encode(String.fromCodePoint(value))], length: 1 + numeric.digits };
  }
  if (letter >= '0' && letter <= '7') {
    const value = parseDigits(text.slice(at, at + 3), 8);
    if (value === null || text.length < at + 3 || value > 255) return null;
    return { bytes: [value], length: 3 };
  }
  return null;
}

function unquoteInterpreted(body: string): string | null {
  const out: number[] = [];
  let at = 0;
  while (at < body.length) {
    const char = body[at]!;
    if (char === '"' || char === '\n') return null;
    if (char !== '\\') {
      const codePoint = body.codePointAt(at)!;
      const piece = String.fromCodePoint(codePoint);
      out.push(...encoder.encode(piece));
      at += piece.length;
      continue;
    }
    const escape = readEscape(body, at + 1);
    if (!escape) return null;
    out.push(...escape.bytes);
    at += 1 + escape.length;
  }
  return decoder.decode(new Uint8Array(out));
}

/** The text of a Go quoted string literal, or null when `text` is not exactly one valid literal. */
export function unquoteGo(text: string): string | null {
  if (text.length < 2) return null;
  const quote = text[0];
  if (quote !== text[text.length - 1]) return null;
  const body = text.slice(1, -1);
  if (quote === '`') return body.includes('`') ? null : body.replaceAll('\r', '');
  if (quote === '"') return unquoteInterpreted(body);
  return null;
}

/** Length of the quoted literal at the start of `text` (up to and including its closing quote), or -1. */
export function quotedPrefixLength(text: string): number {
  const quote = text[0];
  if (quote === '`') {
    const close = text.indexOf('`', 1);
    return close < 0 ? -1 : close + 1;
  }
  if (quote !== '"') return -1;
  for (let at = 1; at < text.length; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === '\n') return -1;
    else if (char === '"') return unquoteGo(text.slice(0, at + 1)) === null ? -1 : at + 1;
  }
  return -1;
}
