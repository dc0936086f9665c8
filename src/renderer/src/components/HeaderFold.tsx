import { useEffect, useState } from 'react';
import './header-fold.css';

/**
 * Below this height the verdict cards fold to one line by themselves (a 1024×700 window at 200% zoom is 350 CSS
 * pixels high; a laptop browser at 100% is about 650): the tabs and their evidence need the room more. The same
 * query in header-fold.css trims the padding around the results.
 */
export const SHORT_WINDOW_QUERY = '(max-height: 720px)';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const onChange = (): void => setMatches(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Whether the header is folded: by the window's height until the person chooses with the toggle. */
export function useHeaderFold(): { className: string; toggle: React.ReactNode } {
  const short = useMediaQuery(SHORT_WINDOW_QUERY);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const folded = chosen ?? short;
  const className = folded ? 'header-folded' : 'header-full';
  const toggle = (
    <button
      type="button"
      className="header-toggle"
      aria-pressed={folded}
      title={folded ? 'Show the verdict cards in full' : 'Fold the verdict cards to one line'}
      onClick={() => setChosen(!folded)}
    >
      {folded ? 'Expand verdicts' : 'Compact header'}
    </button>
  );
  return { className, toggle };
}
