/**
 * What the content script accepts: each message's payload checked, so a handler gets the
 * shape its map declares. Kept apart from the background's checks: the loader runs on every
 * page and carries only this.
 */
import type { ContentMessage, ContentScriptMessages } from './content';
import { isMessageOf, isObject, type PayloadChecks } from './map';

const CONTENT_PAYLOADS: PayloadChecks<ContentScriptMessages> = {
  'get-page-status': (p): p is null => p === null,
  'open-claim': (p): p is { id: string } => isObject(p) && typeof p.id === 'string',
  'check-selection': (p): p is { text: string } => isObject(p) && typeof p.text === 'string',
};

export function isContentMessage(value: unknown): value is ContentMessage {
  return isMessageOf(value, CONTENT_PAYLOADS);
}
