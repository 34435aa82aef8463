/**
 * Builds the fakes' container images once, up front, so parallel test files never race to
 * build the same image (there is no cross-process build lock). Needs DOCKER_HOST
 * (scripts/docker/ensure-dockerd.sh) and the base image (scripts/docker/ensure-base-image.sh).
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
  console.log(`${name}: ${image.name} ${image.built ? `built in ${image.buildMs} ms` : 'present'}`);
}
