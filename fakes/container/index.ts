/**
 * Shared helpers for fakes that run in containers (testcontainers@11, no registry, no Ryuk):
 * availability, building images from our Dockerfiles, starting a labelled container bound to
 * 127.0.0.1, and removing it on every path. scripts/docker/ensure-dockerd.sh provides DOCKER_HOST.
 */
export { isContainerRuntimeAvailable, hasImageSync, type Availability } from './container-runtime-availability.ts';
export { ensureImage, BASE_IMAGE, type ImageSpec, type EnsuredImage } from './ensure-image.ts';
export { startContainer, type ContainerSpec, type StartedContainer } from './start-container.ts';
export { MANAGED_LABEL, OWNER_PID_LABEL, removeOnExit } from './container-cleanup.ts';
export { ENSURE_DOCKERD_HINT } from './docker-api.ts';
