/** How a Go binary says it was built: build mode, GOEXPERIMENTs, FIPS 140 mode (src/core/go/build-facts.ts). */
export interface GoBuildFacts {
  buildMode: {
    /** "exe", "pie", "c-shared", "plugin", ... from -buildmode when recorded, else from the container; null: unsure. */
    mode: string | null;
    evidence: string[];
    /** Go functions exported to C (cgo's _cgoexp_ wrappers), for c-shared and c-archive builds. */
    exports: string[];
  };
  /** GOEXPERIMENT names, e.g. ["fieldtrack"]; empty when none is recorded. */
  experiments: string[];
  fips140: {
    /** The GOFIPS140 build setting ("v1.0.0", "latest", "off"), null when not recorded. */
    setting: string | null;
    /** The frozen FIPS module version read from package paths (crypto/internal/fips140/v1.0.0/...). */
    moduleVersion: string | null;
    /** A .go.fipsinfo / __go_fipsinfo section is present (Go 1.24+ with the FIPS module linked in). */
    fipsInfoSection: boolean;
  };
}
