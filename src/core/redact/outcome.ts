import type { Analysis } from '../analyze';
import type { Report } from '../report/types';
import type { Outcome } from '../workbench';
import { Redactor } from './redactor';
import { maskUnits, reportSecrets, sbomSecrets } from './secrets';

/** Clear texts of the strings the redaction masked, by their path in the outcome ("analysis/strings/12/value"). */
export type ClearValues = Map<string, string>;

/** The redactor for what one or more analyses show: the secrets their rules saw, and those in build settings. */
export function redactorFor(...analyses: Analysis[]): Redactor {
  const secrets = analyses.flatMap((a) => [...(a.secrets ?? []), ...reportSecrets(a.report)]);
  return Redactor.of(maskUnits(secrets));
}

/**
 * An analysis as it may leave the engine: every secret masked, the clear list of secrets dropped, and the paths
 * (relative to the analysis) of the texts that were masked, so a screen can offer to reveal exactly those.
 */
export function shownAnalysis(analysis: Analysis, redactor: Redactor, clear?: ClearValues, prefix = ''): Analysis {
  const { secrets: _secrets, revealable: _revealable, ...rest } = analysis;
  const revealable: string[] = [];
  const shown = redactor.value(rest, (path, text) => {
    revealable.push(path);
    clear?.set(prefix ? `${prefix}/${path}` : path, text);
  });
  return { ...shown, revealable };
}

/** A partial report sent while the analysis runs: the strings are not read yet, the build settings are. */
export function shownPartial(report: Partial<Report>): Partial<Report> {
  return Redactor.of(maskUnits(reportSecrets(report))).value(report);
}

function shownValue<T>(value: T, redactor: Redactor, clear: ClearValues, prefix: string): T {
  return redactor.value(value, (path, text) => clear.set(`${prefix}/${path}`, text));
}

/**
 * What the window receives for what was opened, every secret masked, with the clear texts kept apart for the
 * host to reveal one at a time. The clear values never travel with the outcome.
 */
export function redactOutcome(outcome: Outcome): { outcome: Outcome; clear: ClearValues } {
  const clear: ClearValues = new Map();
  switch (outcome.kind) {
    case 'binary': {
      const redactor = redactorFor(outcome.analysis);
      return { outcome: { ...outcome, analysis: shownAnalysis(outcome.analysis, redactor, clear, 'analysis') }, clear };
    }
    case 'sbom': {
      const redactor = Redactor.of(maskUnits(sbomSecrets(outcome.document.sbom)));
      return { outcome: { ...outcome, document: shownValue(outcome.document, redactor, clear, 'document') }, clear };
    }
    case 'compare': {
      const redactor = redactorFor(outcome.a, outcome.b);
      const a = shownAnalysis(outcome.a, redactor, clear, 'a');
      const b = shownAnalysis(outcome.b, redactor, clear, 'b');
      return {
        outcome: { ...outcome, a, b, comparison: shownValue(outcome.comparison, redactor, clear, 'comparison') },
        clear,
      };
    }
    case 'reconcile': {
      const secrets = [...(outcome.analysis.secrets ?? []), ...sbomSecrets(outcome.document.sbom)];
      const redactor = Redactor.of(maskUnits([...secrets, ...reportSecrets(outcome.analysis.report)]));
      return {
        outcome: {
          ...outcome,
          analysis: shownAnalysis(outcome.analysis, redactor, clear, 'analysis'),
          document: shownValue(outcome.document, redactor, clear, 'document'),
          reconciliation: shownValue(outcome.reconciliation, redactor, clear, 'reconciliation'),
        },
        clear,
      };
    }
  }
}
