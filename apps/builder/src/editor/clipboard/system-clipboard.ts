/**
 * The system clipboard, so that steps paste into another campaign or another tab. When the browser refuses
 * (no permission, not a secure context), the copy stays within this tab.
 */
let inTab = '';

export async function writeClipboard(text: string): Promise<void> {
  inTab = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // kept in the tab only
  }
}

export async function readClipboard(): Promise<string> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return inTab;
  }
}

/** What copy and cut events put on the clipboard also counts as the tab's copy. */
export function rememberCopied(text: string): void {
  inTab = text;
}
