import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

// The official SARIF 2.1.0 JSON schema, as Microsoft's SARIF test package ships it (sarif-2.1.0-rtm.5.json),
// compiled once for every test that checks a SARIF log.
const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
// unicodeRegExp off: one pattern in the official schema is not valid under the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);

/** Call it, then read `validateSarif.errors` for what failed. */
export const validateSarif = ajv.compile(schema);
