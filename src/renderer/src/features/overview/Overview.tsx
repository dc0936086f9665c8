import type { Report } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { exactBytes, humanSize } from '../../lib/format';
import { Provenance } from './Provenance';
import { UnpackedBanner } from './UnpackedBanner';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function linkageText(report: Report): string {
  const l = report.linkage;
  if (!l) return 'unknown';
  const parts = [l.static ? 'static' : 'dynamic'];
  if (l.cgo) parts.push('CGO');
  else if (l.cgoAllowed) parts.push('CGO allowed, none linked');
  if (l.libc && l.libc !== 'none') parts.push(l.libc);
  if (l.glibcMax) parts.push(`needs GLIBC ${l.glibcMax}`);
  return parts.join(', ');
}

function packedText(packed: NonNullable<Report['packed']>): string {
  const name = `${packed.packer}${packed.version ? ` ${packed.version}` : ''}`;
  if (packed.unpacked) return `Packed with ${name}; unpacked in memory (${packed.evidence}).`;
  const hint =
    packed.packer === 'UPX'
      ? ': unpack a copy with `upx -d` to see more'
      : ': what is inside cannot be read until it is unpacked';
  return `Packed with ${name} (${packed.evidence})${hint}.`;
}

/** File identity, toolchain, main module and linkage at a glance. */
export function Overview({ report }: { report: Report }) {
  const go = report.go;
  const bi = go?.buildInfo;
  return (
    <div className="overview">
      <UnpackedBanner report={report} />
      <section aria-label="File">
        <h3>File</h3>
        <dl className="facts">
          <Row label="Name">{report.file.name}</Row>
          <Row label="Size">
            <span title={exactBytes(report.file.size)}>{humanSize(report.file.size)}</span>
          </Row>
          <Row label="SHA-256">
            <Copyable value={report.file.sha256} label="SHA-256" />
          </Row>
          <Row label="Format">
            {report.format} {report.arch} {report.bits ? `${report.bits}-bit` : ''}{' '}
            {report.endian ? `${report.endian}-endian` : ''}
          </Row>
          {report.slices.length > 0 && <Row label="Architectures">{report.slices.map((s) => s.arch).join(', ')}</Row>}
          <Row label="Go">
            {report.detection.isGo ? 'yes' : 'no'} <span className="muted">({report.detection.reason})</span>
          </Row>
        </dl>
      </section>
      {go && (
        <section aria-label="Toolchain">
          <h3>Toolchain and module</h3>
          <dl className="facts">
            <Row label="Go version">
              {go.version ?? 'unknown'} {go.versionSource && <span className="muted">from {go.versionSource}</span>}
              {!go.version && go.versionRange && (
                <span className="muted">the pclntab layout allows {go.versionRange}</span>
              )}
            </Row>
            {bi && <Row label="Package">{bi.path || '—'}</Row>}
            {bi?.main && (
              <Row label="Main module">
                <Copyable value={`${bi.main.path}@${bi.main.version}`} label="module" />
              </Row>
            )}
            {bi?.main?.resolvedVersion && bi.main.versionSource !== 'buildinfo' && (
              <Row label="Main version">
                {bi.main.resolvedVersion}{' '}
                <span className="muted">
                  from {bi.main.versionSource === 'vcs' ? 'the VCS stamps' : 'an -X link flag'}
                </span>
              </Row>
            )}
            {go.buildFacts && (
              <Row label="Build mode">
                {go.buildFacts.buildMode.mode ?? 'unknown'}{' '}
                <span className="muted">{go.buildFacts.buildMode.evidence.join('; ')}</span>
              </Row>
            )}
            {go.buildFacts && go.buildFacts.experiments.length > 0 && (
              <Row label="GOEXPERIMENT">{go.buildFacts.experiments.join(', ')}</Row>
            )}
            {go.buildFacts?.fips140.setting && <Row label="GOFIPS140">{go.buildFacts.fips140.setting}</Row>}
            {bi && <Row label="Build info">{bi.source === 'carved' ? 'carved (header missing)' : 'header'}</Row>}
            {go.pclntab && (
              <Row label="pclntab">
                {go.pclntab.functionCount.toLocaleString('en-US')} functions,{' '}
                {go.pclntab.fileCount.toLocaleString('en-US')} files (magic {go.pclntab.magic}, Go{' '}
                {go.pclntab.goVersionRange})
              </Row>
            )}
          </dl>
        </section>
      )}
      <Provenance report={report} />
      <section aria-label="Linkage">
        <h3>Linkage</h3>
        <dl className="facts">
          <Row label="Linkage">{linkageText(report)}</Row>
          {report.linkage?.interpreter && <Row label="Interpreter">{report.linkage.interpreter}</Row>}
          {report.linkage && report.linkage.needed.length > 0 && (
            <Row label="Needs">{report.linkage.needed.join(', ')}</Row>
          )}
          <Row label="Packed">{report.packed ? packedText(report.packed) : 'no'}</Row>
          {report.notes.map((n) => (
            <Row key={`${n.owner}-${n.typeName}`} label={n.typeName}>
              <Copyable value={n.value} label={n.typeName} />
            </Row>
          ))}
        </dl>
      </section>
      {report.diagnostics.length > 0 && (
        <section aria-label="Could not read">
          <h3>What could not be read</h3>
          <ul className="diagnostics">
            {report.diagnostics.map((d, i) => (
              <li key={i}>
                <strong>{d.source}</strong>: {d.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
