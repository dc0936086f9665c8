import { useEffect } from 'react';

/** Every filter box is a search input; Ctrl/Cmd+F focuses the one on screen. */
const FILTER_BOX = 'input[type="search"]';

/**
 * The filter box Ctrl/Cmd+F should focus: the first one in the open tab panel (the innermost when tabs nest), else
 * the first on the page. Boxes that are not displayed (a hidden panel) do not count.
 */
export function filterBox(root: ParentNode = document): HTMLInputElement | null {
  const shown = (el: HTMLInputElement): boolean => el.getClientRects().length > 0;
  const panels = [...root.querySelectorAll('[role="tabpanel"]')].reverse();
  for (const panel of panels) {
    const box = [...panel.querySelectorAll<HTMLInputElement>(FILTER_BOX)].find(shown);
    if (box) return box;
  }
  return [...root.querySelectorAll<HTMLInputElement>(FILTER_BOX)].find(shown) ?? null;
}

function focusFilter(event: KeyboardEvent): void {
  const box = filterBox();
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
}

/**
 * Ctrl/Cmd+O open, Ctrl/Cmd+W close, Ctrl/Cmd+E export the PDF of what is on screen (one binary's audit report, a
 * comparison, a reconciliation): the desktop menu has these itself, so they serve the
 * browser. Ctrl/Cmd+F focuses the filter of the tab on screen, in the app and in the browser alike.
 */
export function useShortcuts(actions: { open: () => void; close: () => void; exportPdf: () => void }): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'f') return focusFilter(event);
      if (window.api) return;
      const action = key === 'o' ? actions.open : key === 'w' ? actions.close : key === 'e' ? actions.exportPdf : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
