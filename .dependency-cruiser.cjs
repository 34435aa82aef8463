// The dependency rules of partner-harness: arrows point down only
// (harness/cli → harness/reports → harness/scenario → {harness/aws, fakes} → core), and the emulator
// and the fakes meet only over the network. `npm run lint:deps` checks them (scripts/lint-deps.mjs).
// Paths are relative to the folder the check runs in (the repository root).

/** Test files and test-only helpers (testing/, *-test-client.ts, *-test-server.ts, *-test-helpers.ts): production code must never need them. */
const TEST_CODE = '(\\.test\\.ts$|-test-(client|server|helpers)\\.ts$|(^|/)testing/|(^|/)__fixtures__/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other cannot be understood, tested or moved one at a time: move the shared piece down into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'emulator-not-fakes',
      severity: 'error',
      comment: 'harness/aws reaches partners only over the network, as AWS does; a fake, a process and a real partner stay interchangeable behind one URL. (Its tests may start a fake as the partner.)',
      from: { path: '^harness/aws/', pathNot: TEST_CODE },
      to: { path: '^fakes/' },
    },
    {
      name: 'fakes-not-harness',
      severity: 'error',
      comment: 'A fake knows nothing of AWS or the scenario runner, so users can start one from any test runner. Shared code goes to core/.',
      from: { path: '^fakes/', pathNot: TEST_CODE },
      to: { path: '^harness/' },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'core/ sits below the emulator and the fakes: it imports none of harness/ or fakes/.',
      from: { path: '^core/' },
      to: { path: '^(harness|fakes)/' },
    },
    {
      name: 'generic-fake-layers-know-no-kind',
      severity: 'error',
      comment: 'fakes/container and fakes/shared serve every kind of fake; a kind (sftp, db, idp, oauth, net) plugs into them, never the other way round.',
      from: { path: '^fakes/(container|shared)/' },
      to: { path: '^fakes/[^/]+/', pathNot: '^fakes/(container|shared)/' },
    },
    {
      name: 'reports-not-cli',
      severity: 'error',
      comment: 'Reports read run results; the CLI uses them, not the other way round. Put what both need (exit codes, option types) in harness/reports/ or core/.',
      from: { path: '^harness/reports/' },
      to: { path: '^harness/cli/' },
    },
    {
      name: 'endpoint-not-services',
      severity: 'error',
      comment: 'The endpoint speaks the wire protocol; services register with it. Building them belongs to the caller (harness/aws/index.ts or a registry).',
      from: { path: '^harness/aws/endpoint/' },
      to: { path: '^harness/aws/(transfer|glue|secrets-manager|lambda)/' },
    },
    {
      name: 'production-not-test-code',
      severity: 'error',
      comment: 'The package ships without tests and testing/ helpers (tsconfig.build.json excludes them), so production code importing them breaks for users.',
      from: { pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
  ],
  options: {
    // Type-only imports count: a circle of types is still a circle in the design.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    moduleSystems: ['es6', 'cjs'],
  },
};
