/**
 * Removes an extension API listener as a content script shuts down. After an update or when
 * the extension is turned off, the script is cut off from the extension and the API throws
 * "Extension context invalidated": its listeners went with it, so there is nothing to undo,
 * and an error in the page's console would only alarm its reader.
 */
export function releaseListener(release: () => void): void {
  try {
    release();
  } catch {
    // Gone with the extension.
  }
}
