// A sample macOS configuration profile (.mobileconfig) that forces every policy to its example value through
// managed preferences for the app's bundle id; IT edits the values (or deletes keys) and deploys it with an MDM
// (Jamf, Intune, …). The app reads them as the preference keys named by each policy's `name`.
import { createHash } from 'node:crypto';
import type { PolicyDefinition, PolicyValue } from '../../../../shared/config/policies';
import { APP_ID, PRODUCT_NAME } from '../../../../shared/product';
import { escapeXml as x, indent } from './xml';

/**
 * A name-based UUID (RFC 4122 version 5 layout, SHA-1): the same profile gets the same UUIDs on every run, so
 * regenerating it changes nothing and an MDM sees a re-uploaded sample as the same profile.
 */
export function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`${APP_ID}/${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A value as a property-list element. */
function plistValue(value: PolicyValue): string[] {
  if (typeof value === 'boolean') return [value ? '<true />' : '<false />'];
  if (typeof value === 'number') return [`<integer>${value}</integer>`];
  if (typeof value === 'string') return [`<string>${x(value)}</string>`];
  return ['<array>', ...value.map((item) => `  <string>${x(item)}</string>`), '</array>'];
}

const keyValue = (key: string, value: PolicyValue): string[] => [`<key>${x(key)}</key>`, ...plistValue(value)];

export function renderMobileconfig(policies: readonly PolicyDefinition[], bundleId: string = APP_ID): string {
  const settings = policies.flatMap((policy) => keyValue(policy.name, policy.example));
  const preferences = [
    ...keyValue('PayloadType', 'com.apple.ManagedClient.preferences'),
    ...keyValue('PayloadVersion', 1),
    ...keyValue('PayloadIdentifier', `${bundleId}.policies.preferences`),
    ...keyValue('PayloadUUID', stableUuid('policies.preferences')),
    ...keyValue('PayloadEnabled', true),
    ...keyValue('PayloadDisplayName', `${PRODUCT_NAME} settings`),
    '<key>PayloadContent</key>',
    '<dict>',
    `  <key>${x(bundleId)}</key>`,
    '  <dict>',
    '    <key>Forced</key>',
    '    <array>',
    '      <dict>',
    '        <key>mcx_preference_settings</key>',
    '        <dict>',
    ...indent(settings, 5),
    '        </dict>',
    '      </dict>',
    '    </array>',
    '  </dict>',
    '</dict>',
  ];
  const profile = [
    '<key>PayloadContent</key>',
    '<array>',
    '  <dict>',
    ...indent(preferences, 2),
    '  </dict>',
    '</array>',
    ...keyValue('PayloadDisplayName', `${PRODUCT_NAME} policies`),
    ...keyValue(
      'PayloadDescription',
      `Settings IT enforces for ${PRODUCT_NAME}. A sample: set your values, remove the keys you do not enforce.`,
    ),
    ...keyValue('PayloadIdentifier', `${bundleId}.policies`),
    ...keyValue('PayloadScope', 'System'),
    ...keyValue('PayloadType', 'Configuration'),
    ...keyValue('PayloadUUID', stableUuid('policies')),
    ...keyValue('PayloadVersion', 1),
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<!-- Generated from src/shared/config/policies.ts by `npm run policy:templates`; do not edit. -->',
    '<plist version="1.0">',
    '<dict>',
    ...indent(profile, 1),
    '</dict>',
    '</plist>',
  ];
  return `${lines.join('\n')}\n`;
}
