import { useRef } from 'react';
import { isDesktop } from '../../api';
import type { VulnDbInfo } from '../../../../core/report/types';
import { describeVulnDb, importedSince, isStale } from './vulndb-line';
import { useVulnDb } from './vulndb-state';

function ImportButton({ replace, busy, run }: { replace: boolean; busy: boolean; run: (file: File | null) => void }) {
  const picker = useRef<HTMLInputElement>(null);
  const label = replace ? 'Replace…' : 'Import Vulnerability Database…';
  return (
    <>
      <button type="button" disabled={busy} onClick={() => (isDesktop ? run(null) : picker.current?.click())}>
        {busy ? 'Importing…' : label}
      </button>
      {!isDesktop && (
        <input
          ref={picker}
          type="file"
          accept=".zip,application/zip"
          hidden
          aria-label="Vulnerability database zip"
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null;
            e.target.value = '';
            if (file) run(file);
          }}
        />
      )}
    </>
  );
}

function Line({ db, lead }: { db: VulnDbInfo; lead?: string }) {
  return (
    <p className={isStale(db) ? 'vuln-db stale' : 'vuln-db'}>
      {lead}
      {describeVulnDb(db)}.{' '}
      <span className="muted">
        {db.entries.toLocaleString('en-US')} entries from {db.source}.
      </span>
    </p>
  );
}

/**
 * The database this report was matched against, its date and age, and the import button. A database imported
 * since the analysis is named too: it counts from the next analysis on.
 */
export function VulnDbHeader({ used }: { used: VulnDbInfo | null }) {
  const { current, error, imported, busy, run } = useVulnDb();
  const newer = current !== undefined && importedSince(used, current) ? current : null;
  return (
    <section className="vuln-db-header" aria-label="Vulnerability database">
      {used ? (
        <Line db={used} />
      ) : (
        <p className="empty-note">No vulnerability database was loaded for this analysis.</p>
      )}
      {newer && <Line db={newer} lead="Imported since: " />}
      {newer && <p className="muted">Open the file again to match it against the imported database.</p>}
      <div className="vuln-db-actions">
        <ImportButton replace={Boolean(current ?? used)} busy={busy} run={run} />
        <span className="muted">
          {isDesktop ? (
            'vulndb.zip from vuln.go.dev, an OSV zip, or an unpacked folder of one.'
          ) : (
            <>
              vulndb.zip from vuln.go.dev or an OSV zip. A folder cannot be uploaded from a browser: use{' '}
              <code>gobinscope vulndb import FOLDER</code>.
            </>
          )}
        </span>
      </div>
      {imported && current && importedSince(imported, current) && (
        <p role="status" className="vuln-db stale">
          Imported {imported.source}, but --vulndb or GOBINSCOPE_VULNDB names {current.source}, which analyses use
          instead.
        </p>
      )}
      {error && (
        <p role="alert" className="vuln-db stale">
          {error.message}
        </p>
      )}
    </section>
  );
}
