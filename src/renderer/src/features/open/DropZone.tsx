import { useEffect, useState } from 'react';
import type { RecentFile } from '../../../../common/dto';
import { api, isDesktop } from '../../api';

interface Props {
  onOpen: () => void;
  onRecent: (file: RecentFile) => void;
}

/** The empty window: one large target, Open…, and the recent files. */
export function DropZone({ onOpen, onRecent }: Props) {
  const [recent, setRecent] = useState<RecentFile[]>([]);
  useEffect(() => {
    void api.invoke('recent:list').then((r) => r.ok && setRecent(r.value));
  }, []);
  return (
    <section className="dropzone" aria-label="Open a file">
      <div className="dropzone-target">
        <p className="dropzone-title">Drop a Go binary, two to compare, or an SBOM</p>
        <p className="dropzone-sub">
          Linux ELF, Windows PE, macOS Mach-O (fat too). Files are read, never run or changed.
        </p>
        <button type="button" className="primary" onClick={onOpen}>
          Open…
        </button>
        <p className="hint">
          <kbd>{navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl'}</kbd>+<kbd>O</kbd> opens a file
        </p>
      </div>
      {isDesktop && recent.length > 0 && (
        <nav className="recent" aria-label="Recent files">
          <h2>Recent</h2>
          <ul>
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" onClick={() => onRecent(r)} title={r.path}>
                  {r.name} <span className="muted">{r.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}
