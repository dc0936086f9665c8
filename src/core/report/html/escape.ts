/**
 * Escaping for text that reaches the HTML report. Everything from the binary (file names, strings, module paths)
 * is hostile input: it must never be able to open a tag, close an attribute or end the <style> element.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * A CSS string literal (quotes included). Quotes, backslashes, controls and "<" become hex escapes, so the value
 * cannot end the string, the declaration, or the surrounding <style> element ("</style>").
 */
export function cssString(text: string): string {
  const escaped = Array.from(text, (char) => {
    const code = char.codePointAt(0)!;
    const risky =
      code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || `\\"'<>&`.includes(char);
    return risky ? `\\${code.toString(16)} ` : char;
  });
  return `"${escaped.join('')}"`;
}
