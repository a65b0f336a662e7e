import { useState } from 'preact/hooks';
import { useSettings } from '@/components/use-settings';
import { normaliseHostname } from '@/utils/storage/hostname';

export interface PauseToggleProps {
  /** The page's address; the pause applies to its whole site. */
  url: string;
  /** Called after the setting changed, so the popup can ask the page again. */
  onChange?(): void;
}

/** Pause or resume on this site: remembered, and applied at once to the site's open tabs. */
export function PauseToggle({ url, onChange }: PauseToggleProps) {
  const [settings, update] = useSettings();
  const [error, setError] = useState('');
  let host = '';
  try {
    host = normaliseHostname(new URL(url).hostname);
  } catch {
    host = '';
  }
  if (!settings || host === '') return null;
  const paused = settings.pausedSites.includes(host);
  return (
    <p class="pause">
      <button
        type="button"
        aria-pressed={paused}
        onClick={() =>
          void update({ kind: paused ? 'resume-site' : 'pause-site', host }).then(
            () => onChange?.(),
            (error: unknown) => setError(String((error as Error).message ?? error)),
          )
        }
      >
        {paused ? `Resume on ${host}` : `Pause on ${host}`}
      </button>
      {paused && <span class="popup__notice"> Paused: nothing is checked on this site.</span>}
      {error && (
        <span class="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
