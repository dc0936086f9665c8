/**
 * Secrets masked on every surface, by one rule. The analysis knows which values are secret (the rules see them in
 * clear); everything that leaves the engine for a person or a file passes through a Redactor built from them.
 */
export { Redactor, MIN_SECRET_LENGTH, MAX_SECRETS, type MaskedListener } from './redactor';
export { maskUnits, reportSecrets, sbomSecrets, secretsInText, settingSecrets } from './secrets';
export { redactOutcome, redactorFor, shownAnalysis, shownPartial, type ClearValues } from './outcome';
