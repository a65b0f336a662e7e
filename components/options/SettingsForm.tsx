import { useState } from 'preact/hooks';
import { HIGHLIGHT_STYLES, type Settings } from '@/utils/storage/settings';
import type { SettingsChange } from '@/utils/storage/settings-writer';
import { normaliseHostname } from '@/utils/storage/hostname';
import { isEmailAddress } from '@/utils/reports/correction-request';

export interface SettingsFormProps {
  settings: Settings;
  /** Resolves once the change is stored; rejects with the reason when it is not. */
  onChange(change: SettingsChange): Promise<void>;
}

const STYLE_LABELS: Record<(typeof HIGHLIGHT_STYLES)[number], string> = {
  underline: 'Underline with a light tint (default)',
  background: 'Stronger background colour',
};

export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');
  const [email, setEmail] = useState(settings.reportEmail);
  const [emailMessage, setEmailMessage] = useState<{ error: boolean; text: string } | null>(null);
  /** A change the browser did not store: shown until the next change is saved. */
  const [saveError, setSaveError] = useState('');

  /** Applies a change; true once stored, false (with the reason shown) when not. */
  const change = async (c: SettingsChange): Promise<boolean> => {
    try {
      await onChange(c);
      setSaveError('');
      return true;
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
      return false;
    }
  };

  const addSite = async (e: Event) => {
    e.preventDefault();
    const host = normaliseHostname(site);
    if (!host) {
      setSiteError('Enter a site such as kentonline.co.uk or https://www.kentonline.co.uk/news.');
      return;
    }
    setSiteError('');
    // The field keeps the site until it is stored, so a refused write loses nothing typed.
    if (await change({ kind: 'pause-site', host })) setSite('');
  };

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <fieldset>
        <legend>Claims</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.showUnverified}
            onChange={(e) =>
              void change({
                kind: 'set',
                values: { showUnverified: (e.target as HTMLInputElement).checked },
              })
            }
          />{' '}
          Show unverified claims (Kent statistics with no official record to check against)
        </label>
      </fieldset>
      <fieldset>
        <legend>Highlight style</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label class="check" key={style}>
            <input
              type="radio"
              name="highlight-style"
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => void change({ kind: 'set', values: { highlightStyle: style } })}
            />{' '}
            {STYLE_LABELS[style]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Paused sites</legend>
        {settings.pausedSites.length === 0 ? (
          <p class="muted">Kent Stats Check runs on every site.</p>
        ) : (
          <ul class="sites">
            {settings.pausedSites.map((host) => (
              <li key={host}>
                <span>{host}</span>{' '}
                <button
                  type="button"
                  aria-label={`Resume on ${host}`}
                  onClick={() => void change({ kind: 'resume-site', host })}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(e) => void addSite(e)} class="inline-form">
          <label>
            Pause on a site{' '}
            <input
              type="text"
              value={site}
              aria-invalid={siteError !== ''}
              aria-describedby={siteError ? 'site-error' : undefined}
              onInput={(e) => setSite((e.target as HTMLInputElement).value)}
              placeholder="kentonline.co.uk"
            />
          </label>{' '}
          <button type="submit">Pause</button>
          {siteError && (
            <p id="site-error" class="error" role="alert">
              {siteError}
            </p>
          )}
        </form>
      </fieldset>
      <fieldset>
        <legend>Reports</legend>
        <form
          class="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const address = email.trim();
            // The reports' "Send by e-mail" link needs one plain address; say so now, not later.
            if (address !== '' && !isEmailAddress(address)) {
              setEmailMessage({
                error: true,
                text: 'Enter one e-mail address, such as newsdesk@example.co.uk.',
              });
              return;
            }
            if (!(await change({ kind: 'set', values: { reportEmail: address } }))) {
              setEmailMessage({ error: true, text: 'Not saved (see above).' });
              return;
            }
            setEmailMessage({
              error: false,
              text: address ? `Correction requests will go to ${address}.` : 'Address removed.',
            });
          }}
        >
          <label>
            Send correction requests to{' '}
            <input
              type="email"
              value={email}
              aria-invalid={emailMessage?.error === true}
              aria-describedby={emailMessage ? 'email-message' : undefined}
              onInput={(e) => {
                setEmail((e.target as HTMLInputElement).value);
                setEmailMessage(null);
              }}
              placeholder="newsdesk@example.co.uk"
            />
          </label>{' '}
          <button type="submit">Save</button>
          <p
            id="email-message"
            class={`field-message ${emailMessage?.error ? 'error' : 'muted'}`}
            role={emailMessage?.error ? 'alert' : 'status'}
          >
            {emailMessage?.text}
          </p>
        </form>
      </fieldset>
    </section>
  );
}
