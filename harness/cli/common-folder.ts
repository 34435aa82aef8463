/** The deepest folder that holds all of `folders` (absolute paths): vitest's root for a run. */
export function commonFolder(folders: string[]): string {
  const split = folders.map((folder) => folder.split('/').filter((part, i) => i === 0 || part !== ''));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => parts[i] !== undefined && parts[i] === split[0]![i]); i++) common.push(split[0]![i]!);
  return common.join('/') || '/';
}
