// Apart from init-command.ts so that `--help` does not load the scenario schema.
export const initUsage = `Usage: partner-harness init [dir] [options]

Scaffolds partner-harness in your repository (dir, default: the current folder):
  partner-harness.config.ts               the config (scenario folders, reports, runtime)
  scenarios/*.yaml                        two starter scenarios for an SFTP partner, checked by
                                          your editor against the shipped JSON Schema
  .github/workflows/partner-harness.yml   a CI workflow that runs them and keeps the reports
Existing files are kept (and listed); --force overwrites them.

Options:
  --force      overwrite files that exist
  -h, --help   show this help`;
