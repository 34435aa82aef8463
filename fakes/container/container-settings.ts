import { InvalidOptionError } from '../../core/errors/index.ts';
import { isRecord } from '../../core/values/index.ts';

/** The images a fake runs, by the name `containers.images` and the environment use. */
export const CONTAINER_IMAGE_KEYS = ['sftp', 'postgres', 'mariadb'] as const;
export type ContainerImageKey = (typeof CONTAINER_IMAGE_KEYS)[number];

/** What the fakes' Dockerfiles start FROM by default: a public image any runner with a registry pulls. */
export const PUBLIC_BASE_IMAGE = 'debian:bookworm-slim';
/** The offline base: a debootstrap rootfs imported by scripts/docker/ensure-base-image.sh, never pulled. */
export const LOCAL_BASE_IMAGE = 'partner-harness/base:bookworm';

export const BASE_IMAGE_ENV = 'PARTNER_HARNESS_BASE_IMAGE';
export const IMAGE_ENV: Readonly<Record<ContainerImageKey, string>> = {
  sftp: 'PARTNER_HARNESS_IMAGE_SFTP',
  postgres: 'PARTNER_HARNESS_IMAGE_POSTGRES',
  mariadb: 'PARTNER_HARNESS_IMAGE_MARIADB',
};

/** The config's `containers` option: `containers: { baseImage: '…', images: { postgres: 'postgres:16' } }`. */
export interface ContainerSettings {
  /** What our Dockerfiles build FROM. Default: debian:bookworm-slim, falling back to partner-harness/base:bookworm when the pull fails. */
  baseImage?: string;
  /** Run these images instead of building ours (an official `postgres` or `mariadb`, or your own). */
  images?: Partial<Record<ContainerImageKey, string>>;
}

/** One setting and where it came from, for the message that says which image was used and why. */
export interface ChosenSetting {
  image: string;
  from: 'env' | 'config';
  /** `PARTNER_HARNESS_BASE_IMAGE` or `containers.baseImage`. */
  source: string;
}

export interface ResolvedContainerSettings {
  /** Undefined: the default (public, with the local fallback). */
  baseImage?: ChosenSetting;
  images: Partial<Record<ContainerImageKey, ChosenSetting>>;
}

// registry[:port]/ then lower-case path components, then :tag and/or @sha256:digest (Docker's reference grammar, simplified).
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REFERENCE = new RegExp(`^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);

/** Whether `value` is an image reference Docker accepts (`postgres:16`, `ghcr.io/acme/sftp:1`). */
export function isImageReference(value: string): boolean {
  return value.length <= 255 && IMAGE_REFERENCE.test(value);
}

export const IMAGE_REFERENCE_HINT = 'an image reference such as debian:bookworm-slim, postgres:16 or registry.example.com/team/image:tag';

/**
 * The settings in effect: the environment wins over the config (a CI job overrides a checked-in
 * config without editing it). Empty variables count as unset. A value that is not an image
 * reference, or an image key we do not know, is an InvalidOptionError naming where it came from.
 */
export function resolveContainerSettings(config: ContainerSettings | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedContainerSettings {
  const [problem] = containerSettingsProblems(config ?? {});
  if (problem) throw new InvalidOptionError(`containers${problem.path ? `.${problem.path}` : ''}: ${problem.message}`);
  const pick = (envName: string, configValue: string | undefined, configPath: string): ChosenSetting | undefined => {
    const fromEnv = env[envName];
    const chosen: ChosenSetting | undefined =
      fromEnv !== undefined && fromEnv !== '' ? { image: fromEnv, from: 'env', source: envName } : configValue !== undefined ? { image: configValue, from: 'config', source: configPath } : undefined;
    if (chosen && !isImageReference(chosen.image)) {
      throw new InvalidOptionError(`${chosen.source}=${JSON.stringify(chosen.image)} is not an image reference; give ${IMAGE_REFERENCE_HINT}`);
    }
    return chosen;
  };
  const images: ResolvedContainerSettings['images'] = {};
  for (const key of CONTAINER_IMAGE_KEYS) {
    const chosen = pick(IMAGE_ENV[key], config?.images?.[key], `containers.images.${key}`);
    if (chosen) images[key] = chosen;
  }
  const baseImage = pick(BASE_IMAGE_ENV, config?.baseImage, 'containers.baseImage');
  return { ...(baseImage ? { baseImage } : {}), images };
}

/**
 * What is wrong with a config's `containers` value (a path inside it, and the fix), for the
 * config file's schema and for resolveContainerSettings. Empty when nothing is.
 */
export function containerSettingsProblems(value: unknown): { path: string; message: string }[] {
  if (!isRecord(value)) return [{ path: '', message: "an object such as { baseImage: 'partner-harness/base:bookworm', images: { postgres: 'postgres:16' } }" }];
  const problems: { path: string; message: string }[] = [];
  const image = (path: string, given: unknown) => {
    if (typeof given !== 'string' || !isImageReference(given)) problems.push({ path, message: `${JSON.stringify(given)} is not an image reference; give ${IMAGE_REFERENCE_HINT}` });
  };
  for (const [key, given] of Object.entries(value)) {
    if (given === undefined) continue;
    if (key === 'baseImage') image(key, given);
    else if (key !== 'images') problems.push({ path: key, message: 'unknown field; the fields are baseImage, images' });
    else if (!isRecord(given)) problems.push({ path: key, message: `an object naming images by ${CONTAINER_IMAGE_KEYS.join(', ')}, e.g. { postgres: 'postgres:16' }` });
    else {
      for (const [name, named] of Object.entries(given)) {
        if (named === undefined) continue;
        if ((CONTAINER_IMAGE_KEYS as readonly string[]).includes(name)) image(`images.${name}`, named);
        else problems.push({ path: `images.${name}`, message: `unknown image; the images are ${CONTAINER_IMAGE_KEYS.join(', ')}` });
      }
    }
  }
  return problems;
}

/**
 * The environment that carries the config's `containers` option to the scenario workers (which
 * read only the environment): the config's values where the environment sets none. Validates both.
 */
export function containerSettingsEnv(config: ContainerSettings | undefined, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const resolved = resolveContainerSettings(config, env);
  const out: Record<string, string> = {};
  if (resolved.baseImage?.from === 'config') out[BASE_IMAGE_ENV] = resolved.baseImage.image;
  for (const key of CONTAINER_IMAGE_KEYS) {
    const chosen = resolved.images[key];
    if (chosen?.from === 'config') out[IMAGE_ENV[key]] = chosen.image;
  }
  return out;
}
