import { xmlAttr, xmlText } from '../../core/xml/index.ts';

/** One JUnit test case: passed, or failed with a message, a type and the detail. */
export interface JunitCase {
  name: string;
  failure?: { message: string; type: string; detail: string };
  /** Not judged, and why. */
  skipped?: string;
}

/** JUnit XML with one suite of cases, as `probe --junit` and `drift --junit` write it for CI. */
export function renderJunitCases(title: string, suite: string, cases: JunitCase[]): string {
  const failures = cases.filter((testCase) => testCase.failure).length;
  const skipped = cases.filter((testCase) => testCase.skipped !== undefined).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    `<testsuites name="${xmlAttr(title)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="${xmlAttr(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
  ];
  for (const { name, failure, skipped: why } of cases) {
    const open = `    <testcase classname="${xmlAttr(suite)}" name="${xmlAttr(name)}"`;
    if (why !== undefined) lines.push(`${open}>`, `      <skipped message="${xmlAttr(why)}"/>`, '    </testcase>');
    else if (!failure) lines.push(`${open}/>`);
    else lines.push(`${open}>`, `      <failure message="${xmlAttr(failure.message)}" type="${xmlAttr(failure.type)}">${xmlText(failure.detail)}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
