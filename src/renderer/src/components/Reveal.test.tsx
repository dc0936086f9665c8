// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('../api', () => ({ api: { invoke: (...args: unknown[]) => invoke(...args) } }));
const { MaskedText, RevealProvider } = await import('./Reveal');

afterEach(() => {
  cleanup();
  invoke.mockReset();
});

function masked(path: string, revealable: string[], jobId: string | null = 'job-1') {
  return render(
    <RevealProvider jobId={jobId} prefix="analysis" revealable={revealable}>
      <MaskedText text="-X main.apiToken=ghp_…0000" path={path} label="-ldflags" />
    </RevealProvider>,
  );
}

describe('MaskedText', () => {
  it('asks the host for this one item, shows it, and hides it again', async () => {
    invoke.mockResolvedValue({ ok: true, value: '-X main.apiToken=clear-value-from-host' });
    masked('report/go/buildInfo/settings/1/value', ['report/go/buildInfo/settings/1/value']);
    expect(screen.queryByText(/clear-value-from-host/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal' }));
    expect(await screen.findByText('-X main.apiToken=clear-value-from-host')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('secrets:reveal', 'job-1', 'analysis/report/go/buildInfo/settings/1/value');
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.getByText('-X main.apiToken=ghp_…0000')).toBeTruthy();
  });

  it('offers no Reveal for a text that was not masked, or without a finished job', () => {
    masked('report/go/buildInfo/settings/2/value', ['report/go/buildInfo/settings/1/value']);
    expect(screen.queryByRole('button', { name: 'Reveal' })).toBeNull();
    cleanup();
    masked('strings/1/value', ['strings/1/value'], null);
    expect(screen.queryByRole('button', { name: 'Reveal' })).toBeNull();
    expect(invoke).not.toHaveBeenCalled();
  });
});
