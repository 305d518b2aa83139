// JUnit XML for CI: one testcase per check and operation; the text passes through the run's redactor.
export interface JUnitCase {
  classname: string;
  name: string;
  /** ERROR: the case could not be judged (the target stayed unavailable). */
  status: 'PASS' | 'FAIL' | 'SKIP' | 'ERROR';
  /** Failure title (FAIL) or reason (SKIP, ERROR). */
  message?: string;
  /** Failure details (FAIL). */
  details?: string;
}

const escape = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** Render a test suite; `redact` is applied to the whole document, so no caller can forget it. */
export function toJUnit(suite: string, cases: JUnitCase[], redact: (text: string) => string): string {
  const failures = cases.filter((c) => c.status === 'FAIL').length;
  const skipped = cases.filter((c) => c.status === 'SKIP').length;
  const errors = cases.filter((c) => c.status === 'ERROR').length;
  const body = cases.map((c) => {
    const open = `    <testcase classname="${escape(c.classname)}" name="${escape(c.name)}"`;
    if (c.status === 'PASS') return `${open}/>`;
    if (c.status === 'SKIP') return `${open}>\n      <skipped message="${escape(c.message ?? '')}"/>\n    </testcase>`;
    if (c.status === 'ERROR') return `${open}>\n      <error message="${escape(c.message ?? '')}"/>\n    </testcase>`;
    return `${open}>\n      <failure message="${escape(c.message ?? '')}">${escape(c.details ?? '')}</failure>\n    </testcase>`;
  });
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(suite)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
    `  <testsuite name="${escape(suite)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
    ...body,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
  return redact(xml);
}
