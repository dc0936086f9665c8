import { createContext, useContext } from 'react';
import type { IgnoredFile } from './sort-drop';
import type { Verification } from './useVerification';

export interface VerificationApi {
  verification: Verification;
  /** Files chosen in the Provenance panel: material joins the check, anything else comes back as left out. */
  addFiles: (files: File[]) => Promise<IgnoredFile[]>;
}

/** The check of the binary on screen, for the Provenance panel; absent where nothing can be checked. */
export const VerificationContext = createContext<VerificationApi | null>(null);

export function useVerificationContext(): VerificationApi | null {
  return useContext(VerificationContext);
}
