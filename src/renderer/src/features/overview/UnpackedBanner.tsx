import type { Report } from '../../../../core/report/types';
import { exactBytes, humanSize } from '../../lib/format';

/**
 * Says on top of the overview that the file was packed and that everything below describes the image the engine
 * unpacked in memory (the file on disk was only read), so offsets and sizes are not mistaken for the file's.
 */
export function UnpackedBanner({ report }: { report: Report }) {
  const packed = report.packed;
  const image = packed?.unpacked ? packed.image : null;
  if (!packed || !image) return null;
  const name = `${packed.packer}${packed.version ? ` ${packed.version}` : ''}`;
  const what = report.detection.isGo ? 'Go, packed with' : 'Packed with';
  return (
    <section className="verdict-banner unpacked-banner tone-warn" aria-label="Unpacked" role="note">
      <h2>
        <span className="verdict-icon" aria-hidden="true">
          ⇲
        </span>
        {what} {name}: unpacked in memory
      </h2>
      <p>
        {image.format}, {image.methods.join(', ') || 'stored'}
        {image.filters.length > 0 ? ` with ${image.filters.join(', ')}` : ''}, {image.blocks} blocks:{' '}
        <span title={exactBytes(image.packedSize)}>{humanSize(image.packedSize)}</span> on disk,{' '}
        <span title={exactBytes(image.unpackedSize)}>{humanSize(image.unpackedSize)}</span> unpacked. Everything below
        describes the unpacked image (offsets are in it); the file itself was not changed.
      </p>
    </section>
  );
}
