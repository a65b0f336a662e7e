// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '@/components/options/SettingsForm';
import { SettingsWriteError } from '@/components/use-settings';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';

afterEach(() => render(null, document.body));

describe('the settings form', () => {
  it('says when a change was not stored, and keeps the site typed', async () => {
    const onChange = vi.fn(() =>
      Promise.reject(new SettingsWriteError('Not saved: the sync storage is full.')),
    );
    render(<SettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />, document.body);
    const input = document.querySelector<HTMLInputElement>(
      'input[placeholder="kentonline.co.uk"]',
    )!;
    input.value = 'kentonline.co.uk';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Preact renders the typed value on its next tick.
    await new Promise((ok) => setTimeout(ok, 20));
    input.form!.requestSubmit();
    await vi.waitFor(() =>
      expect(document.querySelector('[role="alert"]')?.textContent).toBe(
        'Not saved: the sync storage is full.',
      ),
    );
    expect(onChange).toHaveBeenCalledWith({ kind: 'pause-site', host: 'kentonline.co.uk' });
    // Not shown as paused, and the reader's typing is still there to try again.
    expect(document.querySelector('.sites')).toBeNull();
    expect(input.value).toBe('kentonline.co.uk');
  });
});
