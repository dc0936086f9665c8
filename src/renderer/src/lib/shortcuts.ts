import { useEffect } from 'react';

/**
 * Ctrl/Cmd+O open, Ctrl/Cmd+W close, Ctrl/Cmd+E export the PDF of what is on screen (one binary's audit report, a
 * comparison, a reconciliation). The desktop menu has these itself; this serves the browser.
 */
export function useShortcuts(actions: { open: () => void; close: () => void; exportPdf: () => void }): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || window.api) return;
      const key = event.key.toLowerCase();
      if (key === 'o') {
        event.preventDefault();
        actions.open();
      } else if (key === 'w') {
        event.preventDefault();
        actions.close();
      } else if (key === 'e') {
        event.preventDefault();
        actions.exportPdf();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
