import type { ErrorInfo } from '../../../../common/result';

/** A failure says what happened and what to do; the window stays usable for the next drop. */
export function ErrorView({
  fileName,
  error,
  onDismiss,
}: {
  fileName: string;
  error: ErrorInfo;
  onDismiss: () => void;
}) {
  return (
    <section className="error-panel" role="alert" aria-label="Could not analyse">
      <h2>Could not analyse {fileName}</h2>
      <p>{error.message}</p>
      {error.detail && (
        <details>
          <summary>Details</summary>
          <pre>{error.detail}</pre>
        </details>
      )}
      <p className="muted">Drop another file, or open one.</p>
      <button type="button" onClick={onDismiss}>
        Start over
      </button>
    </section>
  );
}
