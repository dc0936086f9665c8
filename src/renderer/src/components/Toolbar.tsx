import type { ExportKind } from '../../../common/dto';
import { MenuButton, type MenuChoice } from './MenuButton';
import './toolbar.css';

const EXPORT_CHOICES: (MenuChoice & { id: ExportKind })[] = [
  { id: 'pdf', label: 'Audit PDF' },
  { id: 'html', label: 'HTML report' },
  { id: 'json', label: 'Report JSON' },
  { id: 'sarif', label: 'SARIF' },
  { id: 'markdown', label: 'Markdown' },
  { id: 'cyclonedx-json', label: 'SBOM (CycloneDX JSON)' },
  { id: 'cyclonedx-xml', label: 'SBOM (CycloneDX XML)' },
];

export interface ToolbarProps {
  onOpen: () => void;
  /** Null when nothing is open that a second file could be compared with. */
  onCompare: (() => void) | null;
  /** Null when the window is empty already. */
  onClose: (() => void) | null;
  /** Null when what is shown cannot be exported. */
  onExport: ((kind: ExportKind) => void) | null;
}

/** The window's commands as buttons, besides the menus and shortcuts: a browser in serve mode has no app menu. */
export function Toolbar({ onOpen, onCompare, onClose, onExport }: ToolbarProps) {
  const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl+';
  return (
    <div role="toolbar" aria-label="File" className="app-toolbar">
      <button type="button" onClick={onOpen} title={`Open a file (${mod}O)`}>
        Open…
      </button>
      <button
        type="button"
        onClick={onCompare ?? undefined}
        disabled={!onCompare}
        title="Pick a second binary or an SBOM to compare with the one open"
      >
        Compare with…
      </button>
      <MenuButton
        label="Export"
        choices={EXPORT_CHOICES}
        disabled={!onExport}
        onChoose={(kind) => onExport?.(kind as ExportKind)}
      />
      <button type="button" onClick={onClose ?? undefined} disabled={!onClose} title={`Close (${mod}W)`}>
        Close
      </button>
    </div>
  );
}
