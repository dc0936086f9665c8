import type { Diagnostic } from '../../io/errors';
import { ByteReader } from '../../io/reader';
import type { AddressMap } from '../address-map';
import type { ElfHeader } from './header';
import type { RawSection } from './sections';
import type { RawSegment } from './segments';

/** What the part readers (dynamic, versions, symbols, notes) share once the header tables are read. */
export interface ElfContext {
  reader: ByteReader;
  header: ElfHeader;
  /** Every section header including the null section 0; null where a header could not be read. */
  sections: (RawSection | null)[];
  /** Section names, parallel to `sections`. */
  names: string[];
  segments: RawSegment[];
  addressMap: AddressMap;
  diagnostics: Diagnostic[];
}
