export const UPGRADE_CODE: string;
export const PRODUCT_NAME: string;
export const POLICY_KEY: string;
export const INSTALL_TYPE_KEY: string;
export function stableGuid(text: string): string;
export interface MsiPolicyProperty {
  property: string;
  name: string;
  type: 'string' | 'integer';
  aliasOf?: string;
}
export function policyProperties(
  policies: readonly { name: string; type: string }[],
  registryValueTypes: Record<string, string>,
): MsiPolicyProperty[];
export function policyConditions(properties: readonly MsiPolicyProperty[]): Array<{ component: string; condition: string }>;
export function renderWxs(input: {
  version: string;
  manufacturer: string;
  files: Array<{ relative: string; source: string }>;
  exeName: string;
  properties: readonly MsiPolicyProperty[];
}): string;
