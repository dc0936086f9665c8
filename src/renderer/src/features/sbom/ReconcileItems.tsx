import { useId } from 'react';
import type { ReconcileItem, ReconcileKind } from '../../../../core/sbom/types';
import { RECONCILE_KINDS } from '../../../../core/sbom/types';
import { Copyable } from '../../components/Copyable';
import { KIND_TEXT, SEVERITY_CLASS } from './labels';

function Value({ value, label }: { value: string; label: string }) {
  return value ? <Copyable value={value} label={label} /> : <span className="muted">none</span>;
}

function Evidence({ item }: { item: ReconcileItem }) {
  return (
    <dl className="facts reconcile-evidence">
      {item.binary && (
        <>
          <dt>Binary</dt>
          <dd>
            version <Value value={item.binary.version} label="version" /> · sum{' '}
            <Value value={item.binary.sum} label="sum" />
          </dd>
        </>
      )}
      {item.sbom && (
        <>
          <dt>SBOM</dt>
          <dd>
            version <Value value={item.sbom.version} label="version" /> · purl{' '}
            <Value value={item.sbom.purl} label="purl" /> · hash <Value value={item.sbom.hash} label="hash" />
          </dd>
        </>
      )}
    </dl>
  );
}

function KindGroup({ kind, items }: { kind: ReconcileKind; items: ReconcileItem[] }) {
  const id = useId();
  return (
    <section className="reconcile-kind" aria-labelledby={id}>
      <h3 id={id}>
        {KIND_TEXT[kind].title} ({items.length})
      </h3>
      <p className="muted">{KIND_TEXT[kind].hint}</p>
      <ul className="finding-list">
        {items.map((item, i) => (
          <li key={`${item.module}-${i}`} className={`finding ${SEVERITY_CLASS[item.severity]}`}>
            <p className="reconcile-module">
              <span className="sev-badge">{item.severity}</span> <Copyable value={item.module} label="module" />
            </p>
            <p>{item.explanation}</p>
            <Evidence item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The discrepancies, one group per kind in the order of RECONCILE_KINDS (blind spots first). */
export function ReconcileItems({ items }: { items: ReconcileItem[] }) {
  return (
    <>
      {RECONCILE_KINDS.map((kind) => {
        const ofKind = items.filter((item) => item.kind === kind);
        return ofKind.length > 0 ? <KindGroup key={kind} kind={kind} items={ofKind} /> : null;
      })}
    </>
  );
}
