/**
 * Firefox prints its console to standard output and error when asked to (the prefs
 * `devtools.console.stdout.*`): the extension's errors (background, content scripts, its
 * pages) among Firefox's own. Firefox's own name a `chrome://` or `resource://` file, or an
 * API only Firefox's own code can call (JSWindowActor, its process messaging); what is left
 * came from web content or the extension.
 */
const ERROR_LINE = /^(?:JavaScript error: |console\.error: )/;
const BROWSER_OWN = /\b(?:chrome|resource):\/\/|\bJSWindowActor(?:Child|Parent)\b/;

export function consoleErrors(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => ERROR_LINE.test(line) && !BROWSER_OWN.test(line))
    .map((line) => line.trim());
}
