import path from 'node:path';
import type { ConfigProblem } from '../../../../shared/config/schema';
import { REGISTRY_VALUE_TYPES, type PolicyDefinition } from '../../../../shared/config/policies';
import type { RawLayer } from '../layers';
import { WINDOWS_POLICY_KEY, WINDOWS_RECOMMENDED_SUBKEY as RECOMMENDED_SUBKEY } from '../policy-templates/windows-ids';
import { namedPolicyLayer, type Converted, type PolicyLayerName } from './policy-layer';
import type { PolicyLayers } from './policy-layers';
import { isMissingKeyError, parseRegQueryOutput, type RegistryValue } from './reg-query-output';
import type { RunCommand } from './run-command';

/** Lowest precedence first: the machine's policy wins over the user's, as in Group Policy. */
const HIVES = [
  { short: 'HKCU', long: 'HKEY_CURRENT_USER' },
  { short: 'HKLM', long: 'HKEY_LOCAL_MACHINE' },
] as const;

/** reg.exe from the system folder, not whatever `reg` the PATH finds first. */
export const regExecutable = (env: Readonly<Record<string, string | undefined>>): string =>
  path.win32.join(env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows', 'System32', 'reg.exe');

/** The arguments that list a hive's policy key and its subkeys. */
export const regQueryArgs = (hive: string): string[] => ['query', `${hive}\\${WINDOWS_POLICY_KEY}`, '/s'];

/** A registry value in the policy's type: the registry types REGISTRY_VALUE_TYPES names (REG_QWORD and REG_EXPAND_SZ too). */
export function convertRegistryValue(policy: PolicyDefinition, value: RegistryValue): Converted {
  const { type, data } = value;
  switch (policy.type) {
    case 'boolean':
      if (type === 'REG_DWORD' && (data === 0 || data === 1)) return { value: data === 1 };
      if (type === 'REG_DWORD') return { problem: 'expected 0 or 1 (REG_DWORD)' };
      break;
    case 'integer':
      if ((type === 'REG_DWORD' || type === 'REG_QWORD') && typeof data === 'number') return { value: data };
      break;
    case 'string':
    case 'enum':
      if (type === 'REG_SZ' || type === 'REG_EXPAND_SZ') return { value: data };
      break;
    case 'list':
      if (type === 'REG_MULTI_SZ') return { value: data };
      break;
  }
  return { problem: `is a ${type} value; expected ${REGISTRY_VALUE_TYPES[policy.type]}` };
}

function registryLayer(layer: PolicyLayerName, keyPath: string, values: readonly RegistryValue[]): RawLayer {
  const stored = values
    // The unnamed default value is never a policy.
    .filter((value) => value.name !== '(Default)')
    .map((value) => ({ name: value.name, source: `${keyPath}\\${value.name}`, raw: value }));
  return namedPolicyLayer(layer, keyPath, stored, convertRegistryValue);
}

const unreadable = (layer: PolicyLayerName, source: string, reason: string): RawLayer => {
  const problem: ConfigProblem = { layer, source, keyPath: '', message: `cannot be read (${reason})` };
  return { layer, source, values: null, problems: [problem] };
};

/**
 * Mandatory and recommended policies from `HKCU` and `HKLM\Software\Policies\InterviewRecorder` (one `reg query /s`
 * per hive), machine over user. A missing key is simply no policy; any other failure is a problem naming the key.
 */
export function readRegistryPolicies(run: RunCommand, regExe: string): PolicyLayers {
  const layers: PolicyLayers = { mandatory: [], recommended: [] };
  for (const hive of HIVES) {
    const key = `${hive.short}\\${WINDOWS_POLICY_KEY}`;
    const recommendedKey = `${key}\\${RECOMMENDED_SUBKEY}`;
    const result = run(regExe, regQueryArgs(hive.short));
    if (result.status !== 0 && !(result.status === 1 && isMissingKeyError(result.stderr))) {
      const reason = (result.error ?? result.stderr).trim() || `reg.exe exited with code ${result.status}`;
      layers.mandatory.push(unreadable('policy', key, reason));
      continue;
    }
    const printed = result.status === 0 ? parseRegQueryOutput(result.stdout) : [];
    // reg.exe spells the hive out; keys compare case-insensitively, as the registry does.
    const valuesOf = (wanted: string) =>
      printed.find((k) => k.path.replace(hive.long, hive.short).toLowerCase() === wanted.toLowerCase())?.values ?? [];
    layers.mandatory.push(registryLayer('policy', key, valuesOf(key)));
    layers.recommended.push(registryLayer('recommended', recommendedKey, valuesOf(recommendedKey)));
  }
  return layers;
}
