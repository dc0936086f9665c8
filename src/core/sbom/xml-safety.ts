import { FormatError } from '../io/errors';

/** UTF-8 byte offset of a character index, for FormatError offsets; only computed on error paths. */
export function byteOffsetOf(text: string, index: number): number {
  return new TextEncoder().encode(text.slice(0, index)).length;
}

export interface XmlRoot {
  /** Character index of the root element's "<". */
  index: number;
  /** Local name of the root element ("bom"). */
  localName: string;
  /** Namespace URI the root element is in, "" when none. */
  namespace: string;
}

function skipPast(text: string, from: number, terminator: string, what: string): number {
  const end = text.indexOf(terminator, from);
  if (end < 0) throw new FormatError(byteOffsetOf(text, from), `unterminated ${what}`);
  return end + terminator.length;
}

/**
 * Walks the prolog (declaration, comments, processing instructions) to the root element. A DOCTYPE is refused
 * before any parser sees it: entity declarations are how XXE and billion-laughs attacks work, and CycloneDX needs
 * no DTD, so nothing is ever expanded or fetched.
 */
export function findXmlRoot(text: string): XmlRoot | null {
  let index = 0;
  for (;;) {
    const lt = text.indexOf('<', index);
    if (lt < 0) return null;
    if (text.slice(index, lt).trim().length > 0) return null;
    if (text.startsWith('<?', lt)) index = skipPast(text, lt + 2, '?>', 'processing instruction');
    else if (text.startsWith('<!--', lt)) index = skipPast(text, lt + 4, '-->', 'comment');
    else if (text.startsWith('<!', lt)) throw refuseDeclaration(text, lt);
    else return readRootTag(text, lt);
  }
}

function refuseDeclaration(text: string, lt: number): FormatError {
  const offset = byteOffsetOf(text, lt);
  if (/<!ENTITY/i.test(text)) return new FormatError(offset, 'XML entity declarations are not allowed');
  return new FormatError(offset, 'XML document type declarations are not allowed (CycloneDX needs none)');
}

/** Reads the root start tag's name and the namespace its prefix (or the default) is bound to. */
function readRootTag(text: string, lt: number): XmlRoot | null {
  const nameMatch = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/.exec(text.slice(lt, lt + 256));
  if (!nameMatch) return null;
  const qualifiedName = nameMatch[1] as string;
  const colon = qualifiedName.indexOf(':');
  const prefix = colon < 0 ? '' : qualifiedName.slice(0, colon);
  const localName = colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
  const startTag = text.slice(lt, startTagEnd(text, lt));
  const attribute = prefix ? `xmlns:${prefix}` : 'xmlns';
  const binding = new RegExp(`\\s${attribute}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(startTag);
  const namespace = binding ? (binding[2] ?? binding[3] ?? '') : '';
  return { index: lt, localName, namespace };
}

/** Index just past the start tag's ">", skipping quoted attribute values that may hold ">". */
function startTagEnd(text: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and character references in one pass (the parser runs with entity
 * processing off). The output is never rescanned, so "&amp;lt;" stays "&lt;" and nothing can expand.
 * Any other "&name;" is left as written: without a DTD it names nothing.
 */
export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, body: string) => {
    if (body[0] !== '#') return PREDEFINED[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
