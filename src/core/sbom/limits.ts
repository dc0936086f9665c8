/** Hard limits on SBOM documents: a hostile document fails fast with a FormatError instead of exhausting memory. */

/** The largest SBOM document read (64 MiB: a 20k-component CycloneDX JSON is about 8 MiB). */
export const MAX_SBOM_BYTES = 64 * 1024 * 1024;
/** Components, nested ones included. */
export const MAX_SBOM_COMPONENTS = 200_000;
/** Dependency entries, and edges within one entry. */
export const MAX_SBOM_DEPENDENCIES = 200_000;
/** Nesting of components inside components (and pedigree ancestors). */
export const MAX_SBOM_NESTING = 32;
/** XML element nesting passed to fast-xml-parser (CycloneDX needs far fewer). */
export const MAX_XML_NESTING = 64;
