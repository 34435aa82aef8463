// Apart from init-command.ts so that `--help` does not load the scenario schema.
export const initUsage = `Usage: partner-harness init [dir] [options]

Scaffolds partner-harness in your repository (dir, default: the current folder):
  partner-harness.config.ts               the config (scenario folders, reports, runtime)
  scenarios/*.yaml                        two starter scenarios for an SFTP partner, checked by
                                          your editor against the shipped JSON Schema
  .github/workflows/partner-harness.yml   a CI workflow: the scenarios on a matrix of shards,
                                          their reports merged (merge-reports) into one, a
                                          Markdown summary on the run's page (--ci gitlab:
                                          .gitlab-ci.yml, parallel jobs with JUnit reports)
Existing files are kept (and listed); --force overwrites them.

Options:
  --force      overwrite files that exist
  --ci <ci>    the CI file to write: github (default), gitlab or none
  -h, --help   show this help`;
