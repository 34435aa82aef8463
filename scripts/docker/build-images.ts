/**
 * Builds the fakes' container images once, up front, so parallel test files never race to
 * build the same image (there is no cross-process build lock). Needs DOCKER_HOST
 * (scripts/docker/ensure-dockerd.sh) and a base image: debian:bookworm-slim from a registry, or
 * offline PARTNER_HARNESS_BASE_IMAGE=partner-harness/base:bookworm (scripts/docker/ensure-base-image.sh).
 */
import { ensureEngineImage } from '../../fakes/db/launch-container.ts';
import { mariadbContainerRecipe, postgresContainerRecipe } from '../../fakes/db/db-container-recipe.ts';
import { ensureSftpImage } from '../../fakes/sftp/launch-sshd-container.ts';

for (const [name, build] of [
  ['sftp', ensureSftpImage],
  ['postgres', () => ensureEngineImage(postgresContainerRecipe)],
  ['mariadb', () => ensureEngineImage(mariadbContainerRecipe)],
] as const) {
  const image = await build();
  const from = image.configured ? `(${image.configured.source})` : `FROM ${image.base?.image} (${image.base?.reason})`;
  console.log(`${name}: ${image.name} ${image.built ? `built in ${image.buildMs} ms` : 'present'} ${from}`);
}
