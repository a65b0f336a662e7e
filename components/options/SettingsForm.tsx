import { useState } from 'preact/hooks';
import { HIGHLIGHT_STYLES, type Settings } from '@/utils/storage/settings';
import { normaliseHostname } from '@/utils/storage/hostname';
import { isEmailAddress } from '@/utils/reports-format';

export interface SettingsFormProps {
  settings: Settings;
  onChange(change: Partial<Settings>): void;
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

  const addSite = (e: Event) => {
    e.preventDefault();
    const host = normaliseHostname(site);
    if (!host) {
      setSiteError('Enter a site such as kentonline.co.uk or https://www.kentonline.co.uk/news.');
      return;
    }
    setSiteError('');
    setSite('');
    onChange({ pausedSites: [...settings.pausedSites, host] });
  };

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <fieldset>
        <legend>Claims</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.showUnverified}
            onChange={(e) => onChange({ showUnverified: (e.target as HTMLInputElement).checked })}
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
              onChange={() => onChange({ highlightStyle: style })}
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
                  onClick={() =>
                    onChange({ pausedSites: settings.pausedSites.filter((s) => s !== host) })
                  }
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={addSite} class="inline-form">
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
          onSubmit={(e) => {
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
            onChange({ reportEmail: address });
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
