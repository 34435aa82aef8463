import type { FakeKind } from '../../fakes/shared/fake-kind.ts';
import type { FakeRuntime } from '../../fakes/shared/fake-kind.ts';
import type { ContainerSettings } from '../../fakes/container/container-settings.ts';

/**
 * What `partner-harness.config.ts` exports (through `defineConfig`). Every path is relative to
 * the config file, so the same config works from any working directory and in CI.
 */
export interface PartnerHarnessConfig {
  /** Scenario folders, files or globs (`scenarios/**\/*.yaml`). Default: `['scenarios']`. */
  scenarios?: string[];
  /** Where report.json, report.html and junit.xml go. Default: `reports/out`. */
  outDir?: string;
  /** How fakes run: `embedded` (default, in-process), `process` (system binaries) or `container`. */
  runtime?: FakeRuntime;
  /** `emulated` (default: the local endpoint) or `aws` (real AWS with the default credentials). */
  mode?: 'emulated' | 'aws';
  /**
   * The container runtime's images. `baseImage`: what our images build FROM (default
   * `debian:bookworm-slim`; `partner-harness/base:bookworm` offline). `images`: run these instead of
   * building ours, e.g. `{ postgres: 'postgres:16', mariadb: 'mariadb:11.4' }`. The variables
   * PARTNER_HARNESS_BASE_IMAGE and PARTNER_HARNESS_IMAGE_{SFTP,POSTGRES,MARIADB} win over these.
   */
  containers?: ContainerSettings;
  /** Your own kinds of fake (defineFakeKind from partner-harness/fakes), usable as `kind: <name>` in your scenarios. */
  fakes?: readonly FakeKind[];
  /**
   * A messages file written by `partner-harness calibrate` (`./partners/messages.observed.json`):
   * its texts replace the catalogue's in every run, with provenance `observed`. An id the
   * catalogue no longer has is a config error.
   */
  messages?: string;
}

/** The config as the CLI and the scenario workers use it: validated, paths made absolute. */
export interface LoadedConfig {
  /** The config file, absolute. */
  file: string;
  /** Its folder: what the config's relative paths are relative to. */
  dir: string;
  config: PartnerHarnessConfig;
  /** `scenarios`, absolute (globs keep their pattern characters). */
  scenarios?: string[];
  /** `outDir`, absolute. */
  outDir?: string;
}
