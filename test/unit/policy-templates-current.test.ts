import { describe, expect, it } from 'vitest';
import { POLICY_TEMPLATE_PATHS, type PolicyTemplate } from '../../src/core/services/config/policy-templates/template-files';
import { generatePolicyFiles, readCheckedInPolicyFile } from '../../tools/policy/generate';

describe('checked-in policy templates and docs/policies.md', () => {
  it('are what `npm run policy:templates` generates from src/shared/config/policies.ts now', async () => {
    const generated = await generatePolicyFiles();
    const stale: string[] = [];
    for (const template of Object.keys(generated) as PolicyTemplate[]) {
      if ((await readCheckedInPolicyFile(template)) !== generated[template]) stale.push(POLICY_TEMPLATE_PATHS[template]);
    }
    if (stale.length > 0)
      expect.fail(`Out of date or missing: ${stale.join(', ')}. Run \`npm run policy:templates\` and commit the result.`);
  });
});
