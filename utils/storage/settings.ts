/**
 * The reader's settings: their shape and how a stored value is read. No storage here, so the
 * content script's loader can use these on every page without loading a storage library
 * (`settings-item.ts` has the typed storage item every view reads and watches).
 */
import { normaliseHostname } from '@/utils/storage/hostname';

/** Where the settings live: `storage.sync`, so they follow the reader between browsers. */
export const SETTINGS_AREA = 'sync';
export const SETTINGS_KEY = 'settings';

export const HIGHLIGHT_STYLES = ['underline', 'background'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  /** Hostnames where the extension is paused. */
  pausedSites: string[];
  /** Unverified claims are shown subtly; some readers prefer not to see them at all. */
  showUnverified: boolean;
  highlightStyle: HighlightStyle;
  /** Where reports are e-mailed; empty until the reader sets it. */
  reportEmail: string;
}

export const DEFAULT_SETTINGS: Settings = {
  pausedSites: [],
  showUnverified: true,
  highlightStyle: 'underline',
  reportEmail: '',
};

/** Keeps only well-formed fields, so a damaged stored value never breaks a view. */
export function normaliseSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof Settings, unknown>
  >;
  return {
    pausedSites: Array.isArray(v.pausedSites)
      ? [
          ...new Set(
            v.pausedSites
              .map((s) => (typeof s === 'string' ? normaliseHostname(s) : ''))
              .filter((s) => s !== ''),
          ),
        ].sort()
      : DEFAULT_SETTINGS.pausedSites,
    showUnverified:
      typeof v.showUnverified === 'boolean' ? v.showUnverified : DEFAULT_SETTINGS.showUnverified,
    highlightStyle: HIGHLIGHT_STYLES.includes(v.highlightStyle as HighlightStyle)
      ? (v.highlightStyle as HighlightStyle)
      : DEFAULT_SETTINGS.highlightStyle,
    reportEmail:
      typeof v.reportEmail === 'string' ? v.reportEmail.trim() : DEFAULT_SETTINGS.reportEmail,
  };
}

export function isPaused(settings: Settings, hostname: string): boolean {
  const host = normaliseHostname(hostname);
  return host !== '' && settings.pausedSites.includes(host);
}
