// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { bareReport } from '../../../../core/findings/testing/synthetic-exe';
import { UnpackedBanner } from './UnpackedBanner';

afterEach(cleanup);

const image = {
  format: 'Linux ELF amd64',
  methods: ['LZMA'],
  filters: [],
  blocks: 7,
  packedSize: 33_606_640,
  unpackedSize: 199_237_816,
  sha256: '1d5c',
};

describe('UnpackedBanner', () => {
  it('says the file is Go packed with UPX and that the overview describes the unpacked image', () => {
    const report = bareReport({
      packed: { packer: 'UPX', version: '5.02', evidence: 'UPX PackHeader', unpacked: true, image },
      detection: { isGo: true, reason: 'found build info' },
    });
    render(<UnpackedBanner report={report} />);
    const banner = screen.getByRole('note', { name: 'Unpacked' });
    expect(banner.textContent).toContain('Go, packed with UPX 5.02: unpacked in memory');
    expect(banner.textContent).toContain('LZMA, 7 blocks');
    expect(banner.textContent).toMatch(/describes the unpacked image/);
  });

  it('is absent when the file was not unpacked', () => {
    const report = bareReport({ packed: { packer: 'UPX', version: '5.02', evidence: 'UPX! marker' } });
    render(<UnpackedBanner report={report} />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
