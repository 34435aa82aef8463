/**
 * Sets an environment variable, for the child processes started after this (a run's workers),
 * until the returned function puts back what was there before (or unsets it).
 */
export function setEnv(name: string, value: string): () => void {
  const before = process.env[name];
  process.env[name] = value;
  return () => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  };
}
