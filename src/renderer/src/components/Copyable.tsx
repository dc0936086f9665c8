import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

const NotifyContext = createContext<(message: string) => void>(() => undefined);

/** A quiet status line at the bottom of the window ("Copied sha256"), announced to screen readers. */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const notify = useCallback((text: string) => {
    setMessage(text);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(''), 1800);
  }, []);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <div className="toast" role="status" aria-live="polite">
        {message}
      </div>
    </NotifyContext.Provider>
  );
}

export function useNotify(): (message: string) => void {
  return useContext(NotifyContext);
}

/** A value that copies itself on click (hashes, paths, module@version, offsets). */
export function Copyable({ value, label, children }: { value: string; label?: string; children?: ReactNode }) {
  const notify = useNotify();
  const copy = (event: React.MouseEvent): void => {
    // Copying is all a click here does: the row or tree item around it does not open or select as well.
    event.stopPropagation();
    navigator.clipboard?.writeText(value).then(
      () => notify(`Copied ${label ?? value}`),
      () => notify('Copying is not allowed here'),
    );
  };
  return (
    <button
      type="button"
      className="copyable"
      onClick={copy}
      title={`${value}\n(click to copy${label ? ` the ${label}` : ''})`}
    >
      {children ?? value}
    </button>
  );
}
