// Apart from clone-command.ts so that `--help` loads nothing else.
export const cloneUsage = `Usage: partner-harness clone <profile.yaml> [options]

Writes scenario files whose fake plays the partner a profile describes (probe --save) offline:
its ident and banner, its algorithm lists (those the fake can speak), host keys of the same
types (fresh private keys: a clone cannot have the partner's) and its login method, with one
TestConnection scenario per security policy expecting the answer the probe predicted. What the
clone cannot reproduce is said, and those scenarios expect the status only.

Options:
  --out <dir>   where to write them (default: scenarios/<partner host>)
  --force       overwrite files that exist
  -h, --help    show this help`;
