export const serveUsage = `Usage: partner-harness serve [scenario] [options]

With a scenario: starts its fakes and resources and the emulated AWS endpoint, prints how to
reach them and the AWS CLI command that reproduces the scenario, and runs until Ctrl-C.
Without one: starts only the emulated AWS endpoint.

The config (partner-harness.config.{ts,mts,js,mjs} here, or --config) applies as it does to
run: its kinds of fake, its messages file of observed texts, its container images and runtime.

Options:
  --port <n>       port for the emulated endpoint (default: OS-chosen)
  --runtime <r>    how the scenario's fakes run: embedded (default), process or container
  --config <file>  the config file (default: partner-harness.config.{ts,mts,js,mjs} here)
  -h, --help       show this help`;
