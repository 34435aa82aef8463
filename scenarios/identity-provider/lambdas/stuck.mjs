// A handler waiting on a directory that never answers.
export const handler = () => new Promise(() => {});
