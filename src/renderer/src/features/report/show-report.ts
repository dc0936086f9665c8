import type { ReportPieces } from '../../../../core/report/html';

/**
 * Shows the printable report inside the app. The renderer's CSP (style-src 'self') blocks the report's inline
 * <style>, in an srcdoc iframe too (it inherits the policy). Constructed stylesheets are not inline styles, so the
 * report goes into a shadow root with its CSS adopted: the same HTML and CSS as the PDF, and script-src stays
 * strict. The HTML is ours and escaped, but it is parsed inertly and cleaned anyway: nothing active survives.
 */

/** Elements that could run, load or submit something; the report never has them. */
const ACTIVE = 'script, iframe, frame, object, embed, link, meta, base, form, img, svg, math, template, style';

/** How the report sits in the app: a sheet of paper on a grey desk, whatever the theme. */
const HOST_CSS = `
:host { display: block; background: #e4e6ea; padding: 16px; color-scheme: light; }
.report-doc { box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
`;

function cleaned(body: HTMLElement): HTMLElement {
  body.querySelectorAll(ACTIVE).forEach((element) => element.remove());
  for (const element of Array.from(body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on|^style$|^src|href|action|srcdoc/i.test(attribute.name)) element.removeAttribute(attribute.name);
    }
  }
  return body;
}

function sheetFrom(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}

/** Puts the report into `host`'s shadow root, replacing what was there. */
export function showReportIn(host: HTMLElement, report: ReportPieces): void {
  // Only the body is parsed: a <style> element would be refused by the CSP even in an inert parsed document.
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${report.body}</body>`, 'text/html');
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheetFrom(report.css), sheetFrom(HOST_CSS)];
  const body = cleaned(parsed.body);
  root.replaceChildren(...Array.from(body.childNodes, (node) => document.importNode(node, true)));
}
