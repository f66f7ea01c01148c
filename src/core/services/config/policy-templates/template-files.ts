// Every file generated from the policy definition, by its path in the repository.
import { POLICIES, type PolicyDefinition } from '../../../../shared/config/policies';
import { APP_ID } from '../../../../shared/product';
import { renderAdml } from './adml';
import { renderAdmx } from './admx';
import { renderMandatorySample, renderRecommendedSample } from './linux-samples';
import { renderMobileconfig } from './mobileconfig';
import { renderPolicyDoc } from './policy-doc';

export const POLICY_TEMPLATE_PATHS = {
  admx: 'assets/policy/InterviewRecorder.admx',
  adml: 'assets/policy/en-US/InterviewRecorder.adml',
  mobileconfig: `assets/policy/${APP_ID}.mobileconfig`,
  linuxMandatory: 'assets/policy/linux/policy.json',
  linuxRecommended: 'assets/policy/linux/recommended.json',
  doc: 'docs/policies.md',
} as const;

export type PolicyTemplate = keyof typeof POLICY_TEMPLATE_PATHS;

/** Each template's text, unformatted (the JSON and Markdown are formatted by tools/policy/generate.ts). */
export function renderPolicyTemplates(policies: readonly PolicyDefinition[] = POLICIES): Record<PolicyTemplate, string> {
  return {
    admx: renderAdmx(policies),
    adml: renderAdml(policies),
    mobileconfig: renderMobileconfig(policies),
    linuxMandatory: renderMandatorySample(policies),
    linuxRecommended: renderRecommendedSample(policies),
    doc: renderPolicyDoc(policies),
  };
}
