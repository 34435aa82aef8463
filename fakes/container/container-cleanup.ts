import { dockerRequestSync } from './docker-api.ts';
import { onProcessExit } from '../../core/process/index.ts';

/** Every container we start carries this label; `docker ps -a --filter label=…` finds leftovers. */
export const MANAGED_LABEL = 'org.partner-harness.managed';
/** The PID of the process that started it, to tell whose leftover a container is. */
export const OWNER_PID_LABEL = 'org.partner-harness.owner-pid';

export function managedLabels(): Record<string, string> {
  return { [MANAGED_LABEL]: 'true', [OWNER_PID_LABEL]: String(process.pid) };
}

/**
 * Ryuk (testcontainers' reaper) is off where its image cannot be pulled, so nothing else would
 * remove a container if we exit without stop(). Tracked containers are force-removed from the process 'exit' hook and on
 * SIGINT/SIGTERM/SIGHUP (synchronously, one API call each). Returns the function that untracks.
 */
export function removeOnExit(containerId: string): () => void {
  return onProcessExit(() => {
    dockerRequestSync('DELETE', `/containers/${containerId}?force=true&v=true`, 10_000);
  });
}
