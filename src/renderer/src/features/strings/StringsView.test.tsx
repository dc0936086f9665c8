// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FoundString } from '../../../../core/report/types';
import { StringsView } from './StringsView';

// The view reveals masked strings through the host; these rows have none, so the bridge is never called.
vi.mock('../../api', () => ({ api: { invoke: () => Promise.reject(new Error('not in this test')) } }));

afterEach(cleanup);

const STRINGS: FoundString[] = [
  {
    value: 'Invalid path %q',
    offset: 0x9c2a0,
    section: '.rodata',
    encoding: 'go',
    kind: 'literal',
    length: 15,
    referencedBy: 'main.check',
  },
  {
    value: 'first table entry',
    offset: 0x9c6f0,
    section: '.rodata',
    encoding: 'go',
    kind: 'literal',
    length: 17,
    referencedBy: 'main.table',
  },
  { value: 'GLIBC_2.34', offset: 0x400, section: '.dynstr', encoding: 'ascii', kind: 'other', length: 10 },
  {
    value: 'A'.repeat(64),
    offset: 0x200000,
    section: null,
    encoding: 'ascii',
    kind: 'other',
    length: 600 * 1024 * 1024,
    truncated: true,
  },
];

const count = (): string => document.querySelector('.vtable-count')!.textContent!;

describe('StringsView', () => {
  it('tells Go literals from other text', () => {
    render(<StringsView strings={STRINGS} />);
    expect(count()).toBe('4 of 4');
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'literal' } });
    expect(count()).toBe('2 of 2');
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'other' } });
    expect(count()).toBe('2 of 2');
  });

  it('finds a literal by what refers to it', () => {
    render(<StringsView strings={STRINGS} />);
    fireEvent.change(screen.getByLabelText('Filter strings'), { target: { value: 'main.check' } });
    expect(count()).toBe('1 of 4');
  });

  it('finds a string by an offset inside it, using its length in bytes', () => {
    render(<StringsView strings={STRINGS} initialQuery="@0x3000000" />);
    expect(count()).toBe('1 of 4');
  });

  it('names the columns a person reads', () => {
    render(<StringsView strings={STRINGS} />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Offset', 'Section', 'Text', 'Encoding', 'Bytes', 'Referenced by', 'String', 'Hex']);
  });
});
