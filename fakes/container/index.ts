/**
 * Shared helpers for fakes that run in containers (testcontainers@11): availability, the images
 * (configured ones as they are, ours built FROM debian:bookworm-slim or the offline local base),
 * starting a labelled container bound to 127.0.0.1, and removing it on every path, with or
 * without Ryuk. scripts/docker/ensure-dockerd.sh provides DOCKER_HOST where no engine runs.
 */
export { isContainerRuntimeAvailable, hasImageSync, type Availability } from './container-runtime-availability.ts';
export { ensureImage, ensureBaseImage, type ImageSpec, type EnsuredImage } from './ensure-image.ts';
export { chooseBaseImage, type BaseImageDaemon, type ChosenBaseImage } from './choose-base-image.ts';
export {
  BASE_IMAGE_ENV,
  CONTAINER_IMAGE_KEYS,
  IMAGE_ENV,
  LOCAL_BASE_IMAGE,
  PUBLIC_BASE_IMAGE,
  containerSettingsEnv,
  isImageReference,
  resolveContainerSettings,
  type ChosenSetting,
  type ContainerImageKey,
  type ContainerSettings,
  type ResolvedContainerSettings,
} from './container-settings.ts';
export { startContainer, type ContainerSpec, type StartedContainer } from './start-container.ts';
export { MANAGED_LABEL, OWNER_PID_LABEL, removeOnExit } from './container-cleanup.ts';
export { ENSURE_DOCKERD_HINT } from './docker-api.ts';
