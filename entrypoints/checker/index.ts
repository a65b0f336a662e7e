/**
 * The checker script, loaded by the content script's loader (see `utils/loader/checker-handoff`)
 * into the content script's isolated world, and only on pages with something to check.
 * Evaluating it only leaves the entry function where the loader looks for it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerChecker } from '@/utils/loader/checker-handoff';
import { mountChecker } from './mount';

export default defineUnlistedScript(() => {
  offerChecker(mountChecker);
});
