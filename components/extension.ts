/**
 * Everything a component may ask of the extension, in one place: the reader's settings and
 * reports in storage, packs a reader added, messages to the page or the background, and the
 * browser's own calls. Components otherwise take data through props, so a view renders in a
 * test with this one module faked (`cli/architecture.ts` holds the rule).
 */
export { browser } from 'wxt/browser';
export { sendToBackground, sendToTab } from '@/utils/messages/send';
export {
  addReport,
  countReports,
  deleteReports,
  dismissRecovery,
  listReports,
  loadStatus,
  reconcileReports,
  REPORTS_PAGE_SIZE,
  updateNote,
  watchReportCount,
  watchReports,
} from '@/utils/reports/store';
export { exportAll, importReports } from '@/utils/reports/transfer';
export { settingsItem } from '@/utils/storage/settings-item';
export { addPackFromZip } from '@/utils/storage/add-pack';
export {
  ADDED_PACK_CAPS,
  dismissPacksNotice,
  loadAddedPacks,
  removeAddedPack,
  watchAddedPacks,
} from '@/utils/storage/packs';
