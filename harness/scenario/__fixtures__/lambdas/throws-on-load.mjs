// A module that fails while loading, for resolve-lambdas.test.ts.
throw new Error('fixture refuses to load');
