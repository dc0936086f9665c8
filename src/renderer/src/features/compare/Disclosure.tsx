import { useState, type ReactNode } from 'react';

/** A fold (details/summary) whose contents are built only once it is opened: long lists cost nothing until asked for. */
export function Disclosure({
  summary,
  className,
  children,
}: {
  summary: ReactNode;
  className?: string;
  children: () => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className={`disclosure ${className ?? ''}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
