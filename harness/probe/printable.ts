/**
 * A string the server chose (version, error message, plugin name) with control characters replaced,
 * so a hostile server cannot move the cursor or recolour the terminal that prints the scan.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}
