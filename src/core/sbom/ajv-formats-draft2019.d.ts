// The package ships no types; this is the one call the validator makes, as the CycloneDX library makes it.
declare module 'ajv-formats-draft2019' {
  import type Ajv from 'ajv';
  export default function addFormats(ajv: Ajv, options?: { formats?: string[] }): Ajv;
}
