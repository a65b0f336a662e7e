/**
 * What the background accepts: each message's payload checked, so a handler gets the shape
 * its map declares (another extension's or an old version's message could still arrive).
 */
import type { BadgeCounts } from '@/utils/badge';
import { isSettingsChange } from '@/utils/storage/settings-writer';
import type { BackgroundMessage, BackgroundMessages } from './background';
import { isMessageOf, isObject, type PayloadChecks } from './map';
import { isReportRequest } from './report-request';

const BACKGROUND_PAYLOADS: PayloadChecks<BackgroundMessages> = {
  'page-badge': (p): p is BadgeCounts =>
    isObject(p) &&
    (['match', 'mismatch', 'notHeld', 'unverified'] as const).every((k) => Number.isInteger(p[k])),
  'open-report': isReportRequest,
  'update-settings': isSettingsChange,
};

export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  return isMessageOf(value, BACKGROUND_PAYLOADS);
}
