import type { Result } from '../../../../common/result';
import type { GoSumComparison } from '../../../../core/signatures/gosum';
import type { SignatureFormat, VerifyFailure, VerifyOutcome } from '../../../../core/signatures/types';
import { Copyable } from '../../components/Copyable';

const FORMAT_NAMES: Record<SignatureFormat, string> = {
  minisign: 'minisign (Ed25519)',
  cosign: 'cosign sign-blob (ECDSA P-256)',
  openpgp: 'OpenPGP',
  sigstore: 'Sigstore bundle',
};

/** The short why shown next to "Not verified"; the host's sentence follows it. */
const FAILURE_WORDS: Record<VerifyFailure, string> = {
  'wrong-key': 'wrong key',
  'changed-file': 'the file was changed after signing',
  mismatch: 'the file or the key is not the one that was signed',
  'changed-comment': 'the trusted comment was changed',
  'expired-key': 'expired key',
  'revoked-key': 'revoked key',
};

function Verdict({ good, children }: { good: boolean; children: React.ReactNode }) {
  return (
    <p className={good ? 'check-verdict check-good' : 'check-verdict check-bad'}>
      <span aria-hidden="true">{good ? '✓ ' : '✗ '}</span>
      {children}
    </p>
  );
}

/** A part whose file could not be read as what it was taken for: the host's sentence, in place of an answer. */
function PartError({ message }: { message: string }) {
  return (
    <p className="check-error" role="alert">
      {message}
    </p>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function SignatureResult({ signature }: { signature: Result<VerifyOutcome> }) {
  if (!signature.ok) return <PartError message={signature.error.message} />;
  const outcome = signature.value;
  return (
    <div className="check-result">
      <Verdict good={outcome.verified}>
        <strong>{outcome.verified ? 'Verified' : 'Not verified'}</strong>
        {!outcome.verified && <span>: {FAILURE_WORDS[outcome.failure ?? 'mismatch']}</span>}
      </Verdict>
      <p className="muted">{outcome.reason}</p>
      <dl className="check-facts">
        <Fact label="Signer">{FORMAT_NAMES[outcome.format]}</Fact>
        {outcome.keyId && (
          <Fact label="Key ID">
            <Copyable value={outcome.keyId} label="Key ID" />
          </Fact>
        )}
        {outcome.fingerprint && (
          <Fact label={outcome.format === 'openpgp' ? 'Fingerprint' : 'Key SHA-256'}>
            <Copyable value={outcome.fingerprint} label="Key fingerprint" />
          </Fact>
        )}
        {outcome.trustedComment !== undefined && <Fact label="Trusted comment">{outcome.trustedComment}</Fact>}
      </dl>
    </div>
  );
}

export function GoSumResult({ goSum }: { goSum: Result<GoSumComparison> }) {
  if (!goSum.ok) return <PartError message={goSum.error.message} />;
  const c = goSum.value;
  return (
    <div className="check-result">
      <Verdict good={c.consistent}>
        <strong>{c.consistent ? 'go.sum consistent' : 'go.sum not consistent'}</strong>
        <span>
          : {c.matching} module {c.matching === 1 ? 'sum matches' : 'sums match'}
          {c.withoutSum > 0 && `, ${c.withoutSum} without a sum (local replacements)`}
        </span>
      </Verdict>
      {(c.missing.length > 0 || c.differing.length > 0) && (
        <ul className="check-list">
          {c.missing.map((m) => (
            <li key={`missing-${m.path}@${m.version}`}>
              missing from go.sum: {m.path} {m.version} <code>{m.sum}</code>
            </li>
          ))}
          {c.differing.map((m) => (
            <li key={`differs-${m.path}@${m.version}`}>
              differs: {m.path} {m.version}: binary <code>{m.sum}</code>, go.sum <code>{m.goSum}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
