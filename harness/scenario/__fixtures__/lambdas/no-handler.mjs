// A module with no `handler` export, for resolve-lambdas.test.ts.
export const notAHandler = 42;
export function other() {
  return 'other';
}
