// The Windows Group Policy template (InterviewRecorder.admx): each policy of the definition twice, mandatory and
// recommended, for machine and user (class="Both"), each writing one value under Software\Policies\InterviewRecorder
// (or its Recommended subkey) of the type that REGISTRY_VALUE_TYPES names. Strings and dialogs are in the ADML (adml.ts).
import { POLICY_CATEGORIES, type PolicyDefinition } from '../../../../shared/config/policies';
import {
  ADMX_NAMESPACE,
  ADMX_PREFIX,
  POLICY_LEVELS,
  categoryId,
  type PolicyLevel,
  enumItemId,
  explainId,
  sinceVersions,
  supportedOnId,
  usedCategories,
} from './windows-ids';
import { escapeXml as x, indent } from './xml';

const ADMX_XMLNS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';

/** The value-writing part of a policy: what it writes when enabled. */
function policyBody(policy: PolicyDefinition): string[] {
  const id = x(policy.name);
  switch (policy.type) {
    case 'boolean':
      return ['<enabledValue><decimal value="1" /></enabledValue>', '<disabledValue><decimal value="0" /></disabledValue>'];
    case 'string':
      return ['<elements>', `  <text id="${id}" valueName="${id}" required="true" maxLength="2048" />`, '</elements>'];
    case 'integer':
      return [
        '<elements>',
        `  <decimal id="${id}" valueName="${id}" required="true" minValue="${policy.min ?? 0}" maxValue="${policy.max ?? 4294967295}" />`,
        '</elements>',
      ];
    case 'enum':
      return [
        '<elements>',
        `  <enum id="${id}" valueName="${id}" required="true">`,
        ...(policy.enumValues ?? []).flatMap((value) => [
          `    <item displayName="$(string.${enumItemId(policy, value)})">`,
          `      <value><string>${x(value)}</string></value>`,
          '    </item>',
        ]),
        '  </enum>',
        '</elements>',
      ];
    case 'list':
      return ['<elements>', `  <multiText id="${id}" valueName="${id}" required="true" />`, '</elements>'];
  }
}

function policyElement(policy: PolicyDefinition, level: PolicyLevel): string[] {
  const presentation = policy.type === 'boolean' ? '' : ` presentation="$(presentation.${x(policy.name)})"`;
  const valueName = policy.type === 'boolean' ? ` valueName="${x(policy.name)}"` : '';
  return [
    `<policy name="${x(policy.name + level.suffix)}" class="Both" displayName="$(string.${x(policy.name)})" explainText="$(string.${explainId(policy, level)})"` +
      `${presentation} key="${x(level.key)}"${valueName}>`,
    `  <parentCategory ref="${categoryId(policy.category, level)}" />`,
    `  <supportedOn ref="${supportedOnId(policy.since)}" />`,
    ...indent(policyBody(policy), 1),
    '</policy>',
  ];
}

function categoryElements(policies: readonly PolicyDefinition[], level: PolicyLevel): string[] {
  return [
    `<category name="${level.rootCategory}" displayName="$(string.${level.rootCategory})" />`,
    ...usedCategories(policies, POLICY_CATEGORIES).flatMap((category) => [
      `<category name="${categoryId(category, level)}" displayName="$(string.${categoryId(category)})">`,
      `  <parentCategory ref="${level.rootCategory}" />`,
      '</category>',
    ]),
  ];
}

export function renderAdmx(policies: readonly PolicyDefinition[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated from src/shared/config/policies.ts by `npm run policy:templates`; do not edit. -->',
    `<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${ADMX_XMLNS}">`,
    '  <policyNamespaces>',
    `    <target prefix="${ADMX_PREFIX}" namespace="${ADMX_NAMESPACE}" />`,
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0" />',
    '  <supportedOn>',
    '    <definitions>',
    ...sinceVersions(policies).map(
      (since) => `      <definition name="${supportedOnId(since)}" displayName="$(string.${supportedOnId(since)})" />`,
    ),
    '    </definitions>',
    '  </supportedOn>',
    '  <categories>',
    ...indent(
      POLICY_LEVELS.flatMap((level) => categoryElements(policies, level)),
      2,
    ),
    '  </categories>',
    '  <policies>',
    ...indent(
      POLICY_LEVELS.flatMap((level) => policies.flatMap((policy) => policyElement(policy, level))),
      2,
    ),
    '  </policies>',
    '</policyDefinitions>',
  ];
  return `${lines.join('\n')}\n`;
}
