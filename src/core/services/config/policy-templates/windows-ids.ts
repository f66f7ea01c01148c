// Names the ADMX and the ADML must agree on: the ADMX refers to strings and presentations that the ADML defines.
import type { PolicyCategory, PolicyDefinition } from '../../../../shared/config/policies';

/** Under HKLM (machine) and HKCU (user); the machine's value wins. */
export const WINDOWS_POLICY_KEY = 'Software\\Policies\\InterviewRecorder';
/** The subkey of recommended policies: defaults the user may change. */
export const WINDOWS_RECOMMENDED_SUBKEY = 'Recommended';

/** Each policy is in the ADMX twice: mandatory, and recommended (its own name with this suffix, in the subkey). */
export interface PolicyLevel {
  suffix: '' | '_Recommended';
  key: string;
  rootCategory: string;
}
export const POLICY_LEVELS: readonly PolicyLevel[] = [
  { suffix: '', key: WINDOWS_POLICY_KEY, rootCategory: 'InterviewRecorder' },
  { suffix: '_Recommended', key: `${WINDOWS_POLICY_KEY}\\${WINDOWS_RECOMMENDED_SUBKEY}`, rootCategory: 'InterviewRecorder_Recommended' },
];
export const ADMX_NAMESPACE = 'InterviewRecorder.Policies';
export const ADMX_PREFIX = 'interviewrecorder';

export const categoryId = (category: PolicyCategory, level: PolicyLevel = POLICY_LEVELS[0]!): string =>
  `Category_${category}${level.suffix}`;
export const explainId = (policy: PolicyDefinition, level: PolicyLevel): string => `${policy.name}${level.suffix}_Explain`;
/** String ids allow letters, digits and underscores; an enum value such as `aws:kms` becomes `aws_kms`. */
export const enumItemId = (policy: PolicyDefinition, value: string): string => `${policy.name}_${value.replace(/[^A-Za-z0-9]/g, '_')}`;
export const supportedOnId = (since: string): string => `SUPPORTED_InterviewRecorder_${since.replace(/[^0-9]/g, '_')}`;

/** Each app version some policy was introduced in, oldest first as listed. */
export const sinceVersions = (policies: readonly PolicyDefinition[]): string[] => [...new Set(policies.map((policy) => policy.since))];

/** The categories that hold at least one policy, in the given order. */
export const usedCategories = (policies: readonly PolicyDefinition[], order: readonly PolicyCategory[]): PolicyCategory[] =>
  order.filter((category) => policies.some((policy) => policy.category === category));

/** Booleans are the policy's own Enabled/Disabled state: they need no element and no presentation. */
export const hasPresentation = (policy: PolicyDefinition): boolean => policy.type !== 'boolean';
