/**
 * Tells the background what the page holds, so the toolbar button's badge can say it without
 * being opened. Only a change is sent: a page that re-renders without changing its verdicts
 * costs no message.
 */
import { countVerdicts, type BadgeCounts } from '@/utils/badge';
import type { ClaimSummary } from '@/utils/messages/content';
import { sendToBackground } from '@/utils/messages/send';

export interface BadgeReporter {
  /** The claims the reader sees on the page now (none: the badge goes). */
  report(claims: ReadonlyArray<Pick<ClaimSummary, 'verdict'>>): void;
  /** The browser may have reset the badge (the address changed): say it all again next time. */
  forget(): void;
}

export function createBadgeReporter(): BadgeReporter {
  let last = '';
  return {
    report(claims) {
      const counts: BadgeCounts = countVerdicts(claims);
      const key = JSON.stringify(counts);
      // Nothing found yet, and nothing said yet: a page without claims never sends a word.
      if (key === last || (last === '' && claims.length === 0)) return;
      last = key;
      sendToBackground('page-badge', counts).catch(() => {
        // The extension is gone from under the page: there is no badge to keep.
      });
    },
    forget() {
      last = '';
    },
  };
}
