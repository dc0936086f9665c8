import type { IgnoredFile } from './sort-drop';

/** Files of a drop or a pick that were left out, each with the reason, until the user dismisses the note. */
export function IgnoredFiles({ files, onDismiss }: { files: IgnoredFile[]; onDismiss?: () => void }) {
  if (files.length === 0) return null;
  return (
    <div className="ignored-files" role="status" aria-label="Files left out">
      <p>{files.length === 1 ? 'One file was' : `${files.length} files were`} left out:</p>
      <ul>
        {files.map((file, i) => (
          <li key={`${file.name}-${i}`}>
            <strong>{file.name}</strong>: {file.why}
          </li>
        ))}
      </ul>
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
