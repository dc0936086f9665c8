import type { Report } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { useVerificationContext } from '../verify/VerificationContext';
import { VerifyRows } from '../verify/VerifyRows';
import { provenanceFacts } from './provenance';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Command({ text }: { text: string }) {
  return <code className="command">{text}</code>;
}

/**
 * Is this the binary that was released? What the file itself can tell (build IDs, the VCS stamp, the recorded
 * module sums) and the offline checks that answer the rest: a detached signature and the release's go.sum.
 */
export function Provenance({ report }: { report: Report }) {
  const facts = provenanceFacts(report);
  const name = report.file.name || 'FILE';
  const verification = useVerificationContext();
  return (
    <section aria-label="Provenance">
      <h3>Provenance</h3>
      <dl className="facts">
        {verification !== null && verification.verification.binary !== null ? (
          <VerifyRows report={report} api={verification} />
        ) : (
          <Row label="Signature">
            Not checked here; check a detached signature with{' '}
            <Command text={`gobinscope verify ${name} --signature SIG --key KEY`} />
          </Row>
        )}
        {facts.embeddedSignature && (
          <Row label="Stamped signature">
            <span className="warning">
              A signature is stamped into the binary itself, which cannot be checked as designed (see the finding
              build.embedded-signature).
            </span>
          </Row>
        )}
        <Row label="Go build ID">
          {facts.goBuildId ? <Copyable value={facts.goBuildId} label="Go build ID" /> : 'not recorded'}
        </Row>
        {facts.gnuBuildId && (
          <Row label="GNU build ID">
            <Copyable value={facts.gnuBuildId} label="GNU build ID" />
          </Row>
        )}
        <Row label="VCS revision">
          {facts.vcs?.revision ? (
            <>
              <Copyable value={facts.vcs.revision} label="VCS revision" />
              {facts.vcs.system && <span className="muted"> ({facts.vcs.system})</span>}
              {facts.vcs.modified === 'true' && <span className="warning"> built from a modified tree</span>}
            </>
          ) : (
            'not recorded (built with -buildvcs=false, outside a repository, or with -trimpath and no VCS)'
          )}
        </Row>
        {facts.vcs?.time && <Row label="VCS time">{facts.vcs.time}</Row>}
        <Row label="Module sums">
          {facts.sums.recorded} recorded
          {facts.sums.withoutSum > 0 && `, ${facts.sums.withoutSum} without a sum (local replacements)`}
          {facts.sums.recorded > 0 && (
            <>
              ; compare them with the release's go.sum: <Command text={`gobinscope verify ${name} --gosum go.sum`} />
            </>
          )}
        </Row>
      </dl>
    </section>
  );
}
