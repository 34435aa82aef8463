import type { FileEntry } from 'ssh2';
import { attrsOf, type FsNode } from '../fs-node.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_SECONDS = 182 * 24 * 3600;

/** A READDIR entry whose longname reads like OpenSSH's `ls -l` output, which some clients parse. */
export function fileEntry(name: string, node: FsNode, owner: string): FileEntry {
  const attrs = attrsOf(node);
  const links = node.kind === 'dir' ? 2 : 1;
  const longname = [
    permissions(node),
    String(links).padStart(4),
    owner.padEnd(8),
    owner.padEnd(8),
    String(attrs.size).padStart(8),
    lsDate(attrs.mtime),
    name,
  ].join(' ');
  return { filename: name, longname, attrs };
}

function permissions(node: FsNode): string {
  const bits = 'rwxrwxrwx'
    .split('')
    .map((flag, i) => (node.perm & (0o400 >> i) ? flag : '-'))
    .join('');
  return (node.kind === 'dir' ? 'd' : '-') + bits;
}

// Like ls: recent files show the time, older ones the year.
function lsDate(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const day = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)}`;
  const recent = Math.abs(Date.now() / 1000 - epochSeconds) < SIX_MONTHS_SECONDS;
  const tail = recent
    ? `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`
    : ` ${date.getUTCFullYear()}`;
  return `${day} ${tail}`;
}
