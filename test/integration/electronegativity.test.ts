import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, NATIVE_CALL_CSP } from '../../src/core/security/csp';
import { ALLOWLIST_FILE, scanWithElectronegativity } from '../support/electronegativity';
import { describeFinding, judgeFindings, loadAllowlist } from '../support/electronegativity-allowlist';
import { processesMentioning } from '../support/process-group';
import { tempDir } from '../support/temp-dir';

// Static review of the Electron code with Doyensec's Electronegativity, offline (tools/electronegativity/).
const SCAN_TEST_MS = 180_000;

describe('Electronegativity', () => {
  it(
    'finds no HIGH or MEDIUM problem in the app that the allowlist does not explain',
    async () => {
      const report = await scanWithElectronegativity();
      console.log(
        `Electronegativity (Electron ${report.electronVersion}, ${report.checks.atomic + report.checks.global} checks): ` +
          `${report.findings.length} findings in ${report.millis} ms`,
      );
      expect(report.parseErrors, 'a file it cannot parse is a file nobody reviewed').toEqual([]);
      // Offline by construction: its one request (translations) was refused, the release-list check is skipped.
      expect(report.refusedRequests.filter((url) => !url.includes('electronegativity-i18n'))).toEqual([]);

      const verdict = judgeFindings(report.findings, loadAllowlist(ALLOWLIST_FILE));
      expect(
        verdict.unlisted.map(describeFinding),
        'fix these, or list them with a reason in security/electronegativity-allowlist.json',
      ).toEqual([]);
      expect(verdict.stale, 'these allowlist entries match no finding any more: remove them').toEqual([]);
    },
    SCAN_TEST_MS,
  );

  it(
    'reports an insecure window planted in the app’s own window file, and the allowlist does not cover it',
    async () => {
      const dir = tempDir('irec-electronegativity-');
      const file = path.join(dir, 'src', 'main', 'windows', 'main-window.ts');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(
        file,
        [
          "import { BrowserWindow } from 'electron';",
          'export function createMainWindow(preloadPath: string): BrowserWindow {',
          '  return new BrowserWindow({',
          '    webPreferences: { preload: preloadPath, nodeIntegration: true, contextIsolation: false, sandbox: false },',
          '  });',
          '}',
          '',
        ].join('\n'),
      );
      const report = await scanWithElectronegativity(dir);
      const { unlisted } = judgeFindings(report.findings, loadAllowlist(ALLOWLIST_FILE));
      const at = (id: string, severity: string) => expect.objectContaining({ id, severity, file: 'src/main/windows/main-window.ts' });
      expect(unlisted).toContainEqual(at('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'));
      expect(unlisted).toContainEqual(at('SANDBOX_JS_CHECK', 'MEDIUM'));
      // The reviewed preload entry still covers the preload line, and only that.
      expect(report.findings).toContainEqual(at('PRELOAD_JS_CHECK', 'MEDIUM'));
      expect(unlisted.map((finding) => finding.id)).not.toContain('PRELOAD_JS_CHECK');
    },
    SCAN_TEST_MS,
  );

  it('fails clearly, and ends the scan, when it does not finish in time', async () => {
    await expect(scanWithElectronegativity(undefined, 1)).rejects.toThrow('Electronegativity did not finish within 0.001 s');
    expect(processesMentioning('scan-offline.mjs')).toEqual([]);
  });

  it('finds no weakness in the CSP header, which its scan cannot see, with its own CSP evaluator', () => {
    // The evaluator Electronegativity's CSP check uses, resolved from Electronegativity itself.
    const fromTool = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity'));
    const csp = fromTool('@doyensec/csp-evaluator') as CspEvaluatorModule;
    const weaknesses = (policy: string) =>
      new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3)
        .evaluate()
        // What Electronegativity calls a weak CSP; "maybe" findings ('self' could host JSONP) are notes, and the
        // app's own origin serves only its bundle.
        .filter((finding) => finding.severity < csp.severities.HIGH_MAYBE)
        .map((finding) => `${finding.directive}: ${finding.description}`);
    expect(weaknesses(CONTENT_SECURITY_POLICY)).toEqual([]);
    // The native call window's page has Node: its policy must be at least as tight.
    expect(weaknesses(NATIVE_CALL_CSP)).toEqual([]);
    expect(weaknesses("default-src 'self'; script-src 'self' 'unsafe-inline'")).not.toEqual([]);
  });
});

/** The part of @doyensec/csp-evaluator (no type definitions) used above. */
interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): Array<{ severity: number; directive: string; description: string }> };
  Version: { CSP3: unknown };
  severities: Record<'HIGH_MAYBE', number>;
}
