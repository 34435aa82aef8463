import { RuntimeUnavailableError } from '../../core/errors/index.ts';
import { BASE_IMAGE_ENV, LOCAL_BASE_IMAGE, PUBLIC_BASE_IMAGE, type ChosenSetting } from './container-settings.ts';

/** What choosing needs from the daemon; tests give a fake one. */
export interface BaseImageDaemon {
  hasImage(image: string): Promise<boolean>;
  /** Resolves once the daemon has the image; rejects with the registry's error. */
  pull(image: string): Promise<void>;
}

export interface ChosenBaseImage {
  image: string;
  /** Why this one, in words for the log and the fake's transcript. */
  reason: string;
  /** True when the default could not be pulled and the local base was used instead. */
  fallback: boolean;
}

const ENSURE_BASE_HINT = 'scripts/docker/ensure-base-image.sh (as root, with DOCKER_HOST exported) makes it offline';

/**
 * The image our Dockerfiles build FROM. A configured one is used as it is (pulled when missing,
 * never replaced). Otherwise the public debian:bookworm-slim; when the daemon cannot pull it, the
 * local partner-harness/base:bookworm if the daemon has it, with a reason that says so.
 */
export async function chooseBaseImage(configured: ChosenSetting | undefined, daemon: BaseImageDaemon): Promise<ChosenBaseImage> {
  if (configured) {
    const reason = `set by ${configured.source}`;
    if (await daemon.hasImage(configured.image)) return { image: configured.image, reason, fallback: false };
    if (configured.image === LOCAL_BASE_IMAGE) {
      throw new RuntimeUnavailableError(`the base image ${LOCAL_BASE_IMAGE} (${reason}) is not in the Docker daemon; ${ENSURE_BASE_HINT}`);
    }
    try {
      await daemon.pull(configured.image);
    } catch (error) {
      throw new RuntimeUnavailableError(`the base image ${configured.image} (${reason}) cannot be pulled: ${message(error)}`, { cause: error });
    }
    return { image: configured.image, reason: `${reason}, pulled`, fallback: false };
  }
  if (await daemon.hasImage(PUBLIC_BASE_IMAGE)) return { image: PUBLIC_BASE_IMAGE, reason: 'the default', fallback: false };
  let pullError: unknown;
  try {
    await daemon.pull(PUBLIC_BASE_IMAGE);
    return { image: PUBLIC_BASE_IMAGE, reason: 'the default, pulled', fallback: false };
  } catch (error) {
    pullError = error;
  }
  if (await daemon.hasImage(LOCAL_BASE_IMAGE)) {
    return {
      image: LOCAL_BASE_IMAGE,
      reason: `the default ${PUBLIC_BASE_IMAGE} cannot be pulled (${message(pullError)}), and the daemon has the local ${LOCAL_BASE_IMAGE}; set ${BASE_IMAGE_ENV}=${LOCAL_BASE_IMAGE} to skip the pull`,
      fallback: true,
    };
  }
  throw new RuntimeUnavailableError(
    `the base image ${PUBLIC_BASE_IMAGE} cannot be pulled (${message(pullError)}) and the daemon has no local ${LOCAL_BASE_IMAGE} to fall back to; give the daemon registry access, or ${ENSURE_BASE_HINT}, or set ${BASE_IMAGE_ENV} to an image it has`,
    { cause: pullError },
  );
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n')[0] ?? '';
}
