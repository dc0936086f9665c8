import type { SbomValidationError } from './types';

/**
 * XInclude (namespace http://www.w3.org/2001/XInclude; 2003 is the draft name libxml2 still honours) lets an XML
 * document pull in other files: a BOM carrying <xi:include href="/etc/passwd"/> claims contents it does not hold,
 * and any consumer that processes XInclude reads files of its own. CycloneDX allows foreign-namespace elements at
 * its extension points, so the XSD alone lets it through in places; a BOM must stand on its own, so any binding of
 * the namespace makes the document invalid.
 */
const XINCLUDE_BINDING =
  /\bxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(["'])\s*http:\/\/www\.w3\.org\/200[13]\/XInclude\s*\2/g;

/** More errors than this tell the user nothing new. */
const MAX_XINCLUDE_ERRORS = 20;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function xincludeErrors(text: string): SbomValidationError[] {
  const errors: SbomValidationError[] = [];
  for (const match of text.matchAll(XINCLUDE_BINDING)) {
    if (errors.length >= MAX_XINCLUDE_ERRORS) break;
    const prefix = match[1];
    const element = prefix ? `<${prefix}:include>` : 'an element';
    errors.push({
      path: `line ${lineOf(text, match.index ?? 0)}`,
      message: `XInclude is not allowed in a BOM: ${element} in the XInclude namespace would pull in another document`,
    });
  }
  return errors;
}
