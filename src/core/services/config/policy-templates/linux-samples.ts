// Sample /etc/interview-recorder/policy.json (mandatory: beats the user's settings, the environment and flags)
// and recommended.json (a preset the user may change). Both nest like the user's settings.json, so an admin who
// knows one knows the others.
import type { PolicyDefinition, PolicyValue } from '../../../../shared/config/policies';
import { nestByKey, policyDefault } from './policy-values';

/** Every policy set to its example value. */
export function renderMandatorySample(policies: readonly PolicyDefinition[]): string {
  return `${JSON.stringify(
    nestByKey(policies, (policy) => policy.example),
    null,
    2,
  )}\n`;
}

/** Every policy set to its default where it has one (an empty list is none), else to its example, for IT to adjust. */
export function renderRecommendedSample(policies: readonly PolicyDefinition[]): string {
  const sample = (policy: PolicyDefinition): PolicyValue => {
    const fallback = policyDefault(policy);
    return fallback === undefined || (Array.isArray(fallback) && fallback.length === 0) ? policy.example : fallback;
  };
  return `${JSON.stringify(nestByKey(policies, sample), null, 2)}\n`;
}
