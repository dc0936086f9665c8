// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOSTILE_NAME, UNMASKED_TOKEN, sampleReport } from '../../../../../test/report/sample-report';
import { ReportTab } from './ReportTab';
import { showReportIn } from './show-report';

afterEach(cleanup);

describe('ReportTab', () => {
  it('offers the six exports, CycloneDX too, and says which one was asked for', () => {
    const onExport = vi.fn();
    render(<ReportTab report={sampleReport()} onExport={onExport} />);
    for (const [label, kind] of [
      ['Download JSON', 'json'],
      ['Download SARIF', 'sarif'],
      ['Download Markdown', 'markdown'],
      ['Save PDF', 'pdf'],
      ['Download CycloneDX JSON', 'cyclonedx-json'],
      ['Download CycloneDX XML', 'cyclonedx-xml'],
    ]) {
      fireEvent.click(screen.getByRole('button', { name: label }));
      expect(onExport).toHaveBeenLastCalledWith(kind);
    }
  });

  it('shows the printable report in a shadow root with its stylesheet adopted', () => {
    render(<ReportTab report={sampleReport()} onExport={() => undefined} />);
    const root = screen.getByRole('document').shadowRoot!;
    expect(root.querySelector('h1')?.textContent).toBe(HOSTILE_NAME);
    expect(root.querySelectorAll('article.finding')).toHaveLength(5);
    expect(root.adoptedStyleSheets.length).toBe(2);
    expect(root.textContent).not.toContain(UNMASKED_TOKEN);
  });
});

describe('showReportIn', () => {
  it('drops anything active, even if it were in the HTML', () => {
    const host = document.createElement('div');
    showReportIn(host, {
      css: 'p {}',
      body:
        '<p onclick="x()" style="color:red">hi</p><script>alert(1)</script>' +
        '<img src="https://x.test/a.png"><a href="javascript:x()">link</a><iframe srcdoc="x"></iframe><style>p{}</style>',
    });
    const root = host.shadowRoot!;
    expect(root.querySelector('script, img, iframe, style')).toBeNull();
    expect(root.querySelector('p')!.getAttributeNames()).toEqual([]);
    expect(root.querySelector('a')!.hasAttribute('href')).toBe(false);
  });
});
