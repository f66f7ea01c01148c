// Writes the policy templates (assets/policy/) and docs/policies.md from src/shared/config/policies.ts, so no
// template can drift from the definition. Run it with `npm run policy:templates`; test/unit/policy-templates.test.ts
// fails when a checked-in file differs from its output.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { PolicyDefinition } from '../../src/shared/config/policies';
import {
  POLICY_TEMPLATE_PATHS,
  renderPolicyTemplates,
  type PolicyTemplate,
} from '../../src/core/services/config/policy-templates/template-files';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Prettier's parser for the files `prettier --check .` looks at; the XML ones it does not. */
const PARSERS: Partial<Record<PolicyTemplate, string>> = { linuxMandatory: 'json', linuxRecommended: 'json', doc: 'markdown' };

/** Each file as it must be checked in: rendered, then formatted with the repository's Prettier settings. */
export async function generatePolicyFiles(policies?: readonly PolicyDefinition[]): Promise<Record<PolicyTemplate, string>> {
  const rendered = renderPolicyTemplates(policies);
  const entries = await Promise.all(
    (Object.keys(rendered) as PolicyTemplate[]).map(async (template) => {
      const parser = PARSERS[template];
      if (!parser) return [template, rendered[template]] as const;
      const path = join(ROOT, POLICY_TEMPLATE_PATHS[template]);
      const options = (await resolveConfig(path)) ?? {};
      return [template, await format(rendered[template], { ...options, parser })] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<PolicyTemplate, string>;
}

export async function readCheckedInPolicyFile(template: PolicyTemplate): Promise<string | null> {
  return readFile(join(ROOT, POLICY_TEMPLATE_PATHS[template]), 'utf8').catch(() => null);
}

export const policyFilePath = (template: PolicyTemplate): string => join(ROOT, POLICY_TEMPLATE_PATHS[template]);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await generatePolicyFiles();
  for (const template of Object.keys(files) as PolicyTemplate[]) {
    const path = policyFilePath(template);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, files[template]);
    console.log(`Wrote ${POLICY_TEMPLATE_PATHS[template]}`);
  }
}
