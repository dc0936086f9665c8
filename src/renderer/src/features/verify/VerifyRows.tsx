import { useRef, useState } from 'react';
import type { Report } from '../../../../core/report/types';
import { GoSumResult, SignatureResult } from './CheckResult';
import { IgnoredFiles } from './IgnoredFiles';
import type { IgnoredFile, MaterialSlot } from './sort-drop';
import type { VerificationApi } from './VerificationContext';
import './verify.css';

const SLOT_LABELS: Record<MaterialSlot, string> = {
  signature: 'signature',
  key: 'key',
  trustedRoot: 'trusted root',
  goSum: 'go.sum',
};

function MaterialLine({ material }: { material: VerificationApi['verification']['material'] }) {
  const parts = (Object.entries(material) as [MaterialSlot, File][]).map(([slot, file]) => (
    <span key={slot}>
      {SLOT_LABELS[slot]} <strong>{file.name}</strong>
    </span>
  ));
  if (parts.length === 0) return null;
  return (
    <p className="muted check-material">
      With {parts.reduce<React.ReactNode[]>((all, p) => [...all, all.length ? ', ' : '', p], [])}
    </p>
  );
}

/** What the signature row says before and while a check runs. */
function Pending({ verification }: { verification: VerificationApi['verification'] }) {
  const { status, material } = verification;
  if (status.kind === 'checking') return <p role="status">Checking…</p>;
  if (material.key && !material.signature) return <p>Add the signature that goes with this key.</p>;
  return (
    <p className="muted">
      Not checked. Drop the signature and its public key on the window (minisign, cosign, a Sigstore bundle or OpenPGP;
      a go.sum too), or choose them.
    </p>
  );
}

/**
 * The Provenance rows for a check in the window: a button to choose the signature, key and go.sum, and the host's
 * answer. Chosen files are only read.
 */
export function VerifyRows({ report, api }: { report: Report; api: VerificationApi }) {
  const picker = useRef<HTMLInputElement>(null);
  const [ignored, setIgnored] = useState<IgnoredFile[]>([]);
  const { status, material } = api.verification;
  const result = status.kind === 'done' ? status.result : null;
  const changed = result !== null && result.fileSha256 !== report.file.sha256;
  const choose = async (files: File[]): Promise<void> => setIgnored(await api.addFiles(files));
  return (
    <>
      <dt>Signature</dt>
      <dd className="check" aria-label="Signature check">
        {result?.signature ? (
          <SignatureResult signature={result.signature} />
        ) : (
          <Pending verification={api.verification} />
        )}
        {status.kind === 'failed' && (
          <p className="check-error" role="alert">
            Could not check: {status.error.message}
          </p>
        )}
        {changed && (
          <p className="warning" role="alert">
            The file on disk is not the one analysed (its SHA-256 is now {result.fileSha256}): the check is of the bytes
            read now.
          </p>
        )}
        <MaterialLine material={material} />
        <button type="button" onClick={() => picker.current?.click()} disabled={status.kind === 'checking'}>
          Verify signature…
        </button>
        <input
          ref={picker}
          type="file"
          hidden
          multiple
          aria-label="Choose a signature, public key or go.sum"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void choose(files);
          }}
        />
        <IgnoredFiles files={ignored} onDismiss={() => setIgnored([])} />
      </dd>
      {result?.goSum && (
        <>
          <dt>go.sum check</dt>
          <dd>
            <GoSumResult goSum={result.goSum} />
          </dd>
        </>
      )}
    </>
  );
}
