import type { Sbom, SbomValidation } from '../../../../core/sbom/types';
import { Copyable } from '../../components/Copyable';
import { count } from '../../lib/format';
import { schemaName } from './labels';

/** Valid, or every schema error with the place in the document it points at. */
export function ValidationBanner({ sbom, validation }: { sbom: Sbom; validation: SbomValidation }) {
  const schema = schemaName(sbom);
  if (validation.valid) {
    return (
      <p className="sbom-validation sbom-validation-valid" role="status">
        <span aria-hidden="true" className="sbom-validation-icon">
          ✓
        </span>{' '}
        Valid against the {schema} schema
      </p>
    );
  }
  const n = validation.errors.length;
  return (
    <section className="sbom-validation sbom-validation-invalid" role="alert" aria-label="Schema errors">
      <p className="sbom-validation-title">
        <span aria-hidden="true" className="sbom-validation-icon">
          ✗
        </span>{' '}
        Does not follow the {schema} schema: {count(n)} {n === 1 ? 'error' : 'errors'}
      </p>
      <p className="muted">
        What could be read is shown below. Tools that validate strictly may reject this file: fix the places listed and
        validate again.
      </p>
      <ul className="sbom-validation-errors">
        {validation.errors.map((e, i) => (
          <li key={i}>
            <Copyable value={e.path} label="location" /> <span>{e.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
