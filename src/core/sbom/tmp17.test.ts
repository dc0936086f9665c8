import { it } from 'vitest';
import { generateSpdx, generateSpdx3, generateCycloneDx, parseSbom, validateSbom, reconcile } from './index';
import { reportFromGoVersion } from './test-support';
import { truth } from '../../../test/fixtures';
it('x', async () => {
  const XTEXT_SUM = 'h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=';
  const report = reportFromGoVersion(
    truth('linux-amd64.goversion.txt').replace('\tdep\t', `\tdep\tgolang.org/x/text\tv0.3.7\t${XTEXT_SUM}\n\tdep\t`),
    'linux-amd64',
  );
  report.file.sha256 = 'ab'.repeat(32);
  for (const text of [
    generateSpdx(report),
    generateSpdx3(report),
    generateCycloneDx(report, 'json', { spec: '1.7' }),
    generateCycloneDx(report, 'xml', { spec: '1.7' }),
  ]) {
    const b = new TextEncoder().encode(text);
    const s = parseSbom(b)!;
    console.log(
      s.format,
      s.specVersion,
      JSON.stringify(await validateSbom(b, s)).slice(0, 800),
      JSON.stringify(reconcile(report, s)).slice(0, 300),
    );
  }
  console.log(generateSpdx3(report));
});
