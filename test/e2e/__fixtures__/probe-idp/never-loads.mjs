// A handler module whose top-level await never settles (a secret fetched at init from an
// endpoint that never answers): Lambda ends the init phase after 10 seconds, and so does probe.
await new Promise(() => {});

export async function handler() {
  return {};
}
