import { xmlAttr, xmlText } from '../reports/xml-escape.ts';

/** One JUnit test case: passed, or failed with a message, a type and the detail. */
export interface JunitCase {
  name: string;
  failure?: { message: string; type: string; detail: string };
}

/** JUnit XML with one suite of cases, as `probe --junit` and `drift --junit` write it for CI. */
export function renderJunitCases(title: string, suite: string, cases: JunitCase[]): string {
  const failures = cases.filter((testCase) => testCase.failure).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    `<testsuites name="${xmlAttr(title)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    `  <testsuite name="${xmlAttr(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
  ];
  for (const { name, failure } of cases) {
    const open = `    <testcase classname="${xmlAttr(suite)}" name="${xmlAttr(name)}"`;
    if (!failure) lines.push(`${open}/>`);
    else lines.push(`${open}>`, `      <failure message="${xmlAttr(failure.message)}" type="${xmlAttr(failure.type)}">${xmlText(failure.detail)}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
