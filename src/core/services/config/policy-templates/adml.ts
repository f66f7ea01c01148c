// The en-US strings and dialogs of the Group Policy template (en-US/InterviewRecorder.adml): every
// $(string.…) and $(presentation.…) that the ADMX (admx.ts) refers to.
import { POLICY_CATEGORIES, REGISTRY_VALUE_TYPES, type PolicyDefinition } from '../../../../shared/config/policies';
import { PRODUCT_NAME } from '../../../../shared/product';
import { describeValue, policyDefault } from './policy-values';
import {
  POLICY_LEVELS,
  categoryId,
  enumItemId,
  explainId,
  hasPresentation,
  type PolicyLevel,
  sinceVersions,
  supportedOnId,
  usedCategories,
} from './windows-ids';
import { escapeXml as x, indent } from './xml';

const ADMX_XMLNS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';

/** What the policy's help pane says: the description, then where the value goes and what it may be. */
export function explainText(policy: PolicyDefinition, level: PolicyLevel): string {
  const fallback = policyDefault(policy);
  const facts = [
    level.suffix
      ? 'Recommended: the user can change this value. A mandatory policy for the same setting wins over it.'
      : 'Mandatory: the user cannot change this value; it wins over settings, environment variables and flags.',
    `Registry value: ${level.key}\\${policy.name} (${REGISTRY_VALUE_TYPES[policy.type]}). Setting: ${policy.key}.`,
    policy.enumValues ? `Allowed values: ${policy.enumValues.join(', ')}.` : undefined,
    policy.type === 'integer' ? `From ${policy.min} to ${policy.max}.` : undefined,
    `Not configured: ${fallback === undefined ? 'not set' : describeValue(fallback)}, unless the user sets it.`,
  ];
  return [policy.description, '', ...facts.filter((fact) => fact !== undefined)].join('\n');
}

function policyStrings(policy: PolicyDefinition): [string, string][] {
  return [
    [policy.name, policy.title],
    ...POLICY_LEVELS.map((level): [string, string] => [explainId(policy, level), explainText(policy, level)]),
    ...(policy.type === 'enum' ? (policy.enumValues ?? []).map((value): [string, string] => [enumItemId(policy, value), value]) : []),
  ];
}

function presentation(policy: PolicyDefinition): string {
  const ref = x(policy.name);
  const label = x(policy.title);
  const fallback = policyDefault(policy);
  switch (policy.type) {
    case 'string':
      return `<textBox refId="${ref}"><label>${label}:</label>${typeof fallback === 'string' ? `<defaultValue>${x(fallback)}</defaultValue>` : ''}</textBox>`;
    case 'integer':
      return `<decimalTextBox refId="${ref}"${typeof fallback === 'number' ? ` defaultValue="${fallback}"` : ''}>${label}:</decimalTextBox>`;
    case 'enum': {
      const index = typeof fallback === 'string' ? (policy.enumValues ?? []).indexOf(fallback) : -1;
      return `<dropdownList refId="${ref}" noSort="true"${index >= 0 ? ` defaultItem="${index}"` : ''}>${label}:</dropdownList>`;
    }
    case 'list':
      return `<multiTextBox refId="${ref}">${label} (one per line):</multiTextBox>`;
    case 'boolean':
      throw new Error(`Policy ${policy.name} is a boolean: it has no presentation`);
  }
}

export function renderAdml(policies: readonly PolicyDefinition[]): string {
  const strings: [string, string][] = [
    [POLICY_LEVELS[0]!.rootCategory, PRODUCT_NAME],
    [POLICY_LEVELS[1]!.rootCategory, `${PRODUCT_NAME}: default settings (users can override)`],
    ...usedCategories(policies, POLICY_CATEGORIES).map((category): [string, string] => [categoryId(category), category]),
    ...sinceVersions(policies).map((since): [string, string] => [supportedOnId(since), `${PRODUCT_NAME} ${since} and later`]),
    ...policies.flatMap(policyStrings),
  ];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated from src/shared/config/policies.ts by `npm run policy:templates`; do not edit. -->',
    `<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${ADMX_XMLNS}">`,
    `  <displayName>${x(PRODUCT_NAME)}</displayName>`,
    `  <description>Policies for ${x(PRODUCT_NAME)}</description>`,
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, text]) => `      <string id="${x(id)}">${x(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...indent(
      policies
        .filter(hasPresentation)
        .flatMap((policy) => [`<presentation id="${x(policy.name)}">`, `  ${presentation(policy)}`, '</presentation>']),
      3,
    ),
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
  ];
  return `${lines.join('\n')}\n`;
}
