import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICIES, policyByName } from '../../src/shared/config/policies';
import { configSchema } from '../../src/shared/config/schema';
import { renderPolicyTemplates, type PolicyTemplate } from '../../src/core/services/config/policy-templates/template-files';
import { admxReferenceProblems, policiesMissing } from '../support/policy-template-checks';
import { checkXml, el, xpathAttributes, xpathNodes } from '../support/xml-query';

const files = renderPolicyTemplates();
const TEMPLATES = Object.keys(files) as PolicyTemplate[];

describe('generated policy templates', () => {
  it('are well-formed XML (ADMX, ADML) and a property list valid against its DTD (the .mobileconfig)', () => {
    expect(checkXml(files.admx)).toEqual({ ok: true, errors: '' });
    expect(checkXml(files.adml)).toEqual({ ok: true, errors: '' });
    expect(checkXml(files.mobileconfig, { valid: true })).toEqual({ ok: true, errors: '' });
  });

  it('would be caught if malformed: xmllint refuses broken XML and a dict whose keys and values do not alternate', () => {
    expect(checkXml(files.admx.replace('</policies>', '')).ok).toBe(false);
    const twoKeys = files.mobileconfig.replace('<key>PayloadScope</key>', '<key>Extra</key>\n<key>PayloadScope</key>');
    expect(checkXml(twoKeys).ok).toBe(true);
    expect(checkXml(twoKeys, { valid: true }).ok).toBe(false);
  });

  it('hold every policy of the definition, each as its type', () => {
    expect(policiesMissing(files, POLICIES)).toEqual([]);
  });

  it.each(TEMPLATES)('a policy left out of the %s is named', (template) => {
    const dropped = POLICIES.find((policy) => policy.type === 'enum')!;
    const partial = renderPolicyTemplates(POLICIES.filter((policy) => policy !== dropped))[template];
    const problems = policiesMissing({ ...files, [template]: partial }, POLICIES);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((problem) => !problem.startsWith(`${template}: ${dropped.name}`))).toEqual([]);
  });

  it('ADMX: every string, presentation, category and version it refers to is defined, and presentations point at its elements', () => {
    expect(admxReferenceProblems(files.admx, files.adml)).toEqual([]);
    const broken = files.adml.replace(/<string id="S3Bucket">/, '<string id="S3BucketTypo">');
    expect(admxReferenceProblems(files.admx, broken)).toContain('string S3Bucket is not defined');
  });

  it('ADMX: the target namespace, the policy key and its Recommended subkey for machine and user, enum items and integer bounds from the schema', () => {
    expect(xpathAttributes(files.admx, `//${el('policyNamespaces')}/${el('target')}/@namespace`)).toEqual(['InterviewRecorder.Policies']);
    expect(xpathAttributes(files.admx, `//${el('policyNamespaces')}/${el('target')}/@prefix`)).toEqual(['interviewrecorder']);
    expect(new Set(xpathAttributes(files.admx, `//${el('policy')}/@key`))).toEqual(
      new Set(['Software\\Policies\\InterviewRecorder', 'Software\\Policies\\InterviewRecorder\\Recommended']),
    );
    expect(new Set(xpathAttributes(files.admx, `//${el('policy')}/@class`))).toEqual(new Set(['Both']));
    expect(xpathNodes(files.admx, `//${el('policy')}[@name='UpdateMode']//${el('enum')}//${el('string')}`)).toEqual([
      '<string>none</string>',
      '<string>manual</string>',
      '<string>auto</string>',
    ]);
    const video = `//${el('policy')}[@name='VideoBitsPerSecond_Recommended']//${el('decimal')}`;
    expect(xpathAttributes(files.admx, `${video}/@minValue`)).toEqual(['250000']);
    expect(xpathAttributes(files.admx, `${video}/@maxValue`)).toEqual(['20000000']);
  });

  it('mobileconfig: a Configuration profile with forced managed preferences for the app’s bundle id, stable unique UUIDs', () => {
    const appId = /^appId:\s*(\S+)$/m.exec(readFileSync('electron-builder.yml', 'utf8'))![1]!;
    expect(appId).toMatch(/^[a-z0-9.]+$/);
    const top = (key: string) => xpathNodes(files.mobileconfig, `/plist/dict/key[.='${key}']/following-sibling::*[1]`);
    expect(top('PayloadType')).toEqual(['<string>Configuration</string>']);
    expect(top('PayloadVersion')).toEqual(['<integer>1</integer>']);
    const payload = "/plist/dict/key[.='PayloadContent']/following-sibling::array[1]/dict";
    expect(xpathNodes(files.mobileconfig, `${payload}/key[.='PayloadType']/following-sibling::*[1]`)).toEqual([
      '<string>com.apple.ManagedClient.preferences</string>',
    ]);
    expect(xpathNodes(files.mobileconfig, `${payload}/key[.='PayloadContent']/following-sibling::dict[1]/key`)).toEqual([
      `<key>${appId}</key>`,
    ]);
    expect(xpathNodes(files.mobileconfig, `//key[.='${appId}']/following-sibling::dict[1]/key`)).toEqual(['<key>Forced</key>']);
    const uuids = xpathNodes(files.mobileconfig, "//key[.='PayloadUUID']/following-sibling::string[1]");
    expect(uuids).toHaveLength(2);
    expect(new Set(uuids).size).toBe(2);
    for (const uuid of uuids)
      expect(uuid).toMatch(/^<string>[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}<\/string>$/);
    expect(renderPolicyTemplates().mobileconfig).toBe(files.mobileconfig);
  });

  it('mobileconfig: each setting holds its example value', () => {
    const settings = "//key[.='mcx_preference_settings']/following-sibling::dict[1]";
    for (const name of ['S3Bucket', 'UpdateMode', 'VideoBitsPerSecond', 'S3AutoUpload']) {
      const policy = policyByName(name)!;
      const node = xpathNodes(files.mobileconfig, `${settings}/key[.='${name}']/following-sibling::*[1]`);
      const expected = typeof policy.example === 'boolean' ? (policy.example ? '<true/>' : '<false/>') : `>${String(policy.example)}<`;
      expect(node.join(''), name).toContain(expected);
    }
    const list = xpathNodes(files.mobileconfig, `${settings}/key[.='AllowedCallProviders']/following-sibling::array[1]/string`);
    expect(list).toEqual((policyByName('AllowedCallProviders')!.example as string[]).map((item) => `<string>${item}</string>`));
  });

  it('Linux samples are valid settings files (the strict config schema accepts them), nested by the settings’ own keys', () => {
    for (const template of ['linuxMandatory', 'linuxRecommended'] as const) {
      const parsed = configSchema.safeParse(JSON.parse(files[template]));
      expect(parsed.success, `${template}: ${parsed.error?.message}`).toBe(true);
    }
    expect(JSON.parse(files.linuxMandatory)).toMatchObject({ s3: { bucket: 'company-interviews' }, update: { mode: 'manual' } });
  });
});
