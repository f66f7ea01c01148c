// The WiX source of the per-machine MSI, for Debian's wixl (msi.mjs runs it). wixl takes no harvesting, so every
// file of electron-builder's `win-unpacked` folder gets its own Component and File here, with GUIDs derived from
// its path: the same build input gives the same MSI tables. Every component is 64-bit (Win64), so the registry
// values land in the 64-bit view the x64 app reads, not under WOW6432Node.
import crypto from 'node:crypto';
import path from 'node:path';

/**
 * The MSI's UpgradeCode: it identifies the product across versions, so MajorUpgrade can find and replace an
 * installed one. NEVER CHANGE IT: a new one would install beside every earlier version instead of upgrading it.
 */
export const UPGRADE_CODE = '6F3B8C51-2D7A-4E0B-9A64-1C5E8D2F7B39';

export const PRODUCT_NAME = 'Interview Recorder';
export const POLICY_KEY = 'Software\\Policies\\InterviewRecorder';
/** Where the MSI says it installed the app; the updater never updates such an install (IT does). */
export const INSTALL_TYPE_KEY = 'Software\\InterviewRecorder';
const URL_SCHEME = 'interview-recorder';

/** The issue's short names for two policies, accepted besides the full property names. */
const PROPERTY_ALIASES = { AGORAURL: 'AgoraBackendUrl' };

const REGISTRY_TYPES = { REG_SZ: 'string', REG_DWORD: 'integer' };

/** A GUID that depends only on `text` (name-based, like a UUID v5), upper-case as MSI writes them. */
export function stableGuid(text) {
  const hash = crypto.createHash('sha1').update(`${UPGRADE_CODE}:${text}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An MSI identifier (letters, digits, `_`, `.`; at most 72 characters) that depends only on `text`. */
const stableId = (prefix, text) => `${prefix}_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 32)}`;

const escapeXml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

const attributes = (values) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}="${escapeXml(value)}"`)
    .join(' ');

/**
 * The public properties an admin may pass to msiexec, each written as a machine policy when set: one per policy
 * that the registry stores as text or a number (lists have no single-property form), named by its registry name
 * upper-cased (AgoraBackendUrl → AGORABACKENDURL), plus the aliases.
 * @param {readonly {name: string, type: string}[]} policies
 * @param {Record<string, string>} registryValueTypes policy type → REG_SZ / REG_DWORD / REG_MULTI_SZ
 */
export function policyProperties(policies, registryValueTypes) {
  const properties = policies
    .filter((policy) => REGISTRY_TYPES[registryValueTypes[policy.type]])
    .map((policy) => ({ property: policy.name.toUpperCase(), name: policy.name, type: REGISTRY_TYPES[registryValueTypes[policy.type]] }));
  const aliases = Object.entries(PROPERTY_ALIASES).map(([alias, name]) => {
    const target = properties.find((property) => property.name === name);
    if (!target) throw new Error(`MSI property alias ${alias} names ${name}, which is no policy a property can set`);
    return { ...target, property: alias, aliasOf: target.property };
  });
  return [...properties, ...aliases];
}

const policyComponentId = (property) => `policy_${property}`;

/**
 * The Component table conditions that write a policy only when its property is set (an alias only when the full
 * name is not). wixl 0.101 cannot read a Component's <Condition>, so msi.mjs sets them in the built MSI.
 */
export function policyConditions(properties) {
  return properties.map(({ property, aliasOf }) => ({
    component: policyComponentId(property),
    condition: aliasOf ? `${property} AND NOT ${aliasOf}` : property,
  }));
}

/** The directory tree of `files` (relative paths with `/`), as nested Directory elements with their components. */
function directoryTree(files, component) {
  const root = { dirs: new Map(), files: [] };
  for (const file of files) {
    const parts = file.relative.split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      if (!node.dirs.has(part)) node.dirs.set(part, { dirs: new Map(), files: [] });
      node = node.dirs.get(part);
    }
    node.files.push(file);
  }
  const render = (node, relative, indent) => {
    const lines = node.files.map((file) => component(file, indent));
    for (const [name, child] of [...node.dirs].sort(([a], [b]) => a.localeCompare(b))) {
      const childRelative = relative ? `${relative}/${name}` : name;
      lines.push(`${indent}<Directory ${attributes({ Id: stableId('d', childRelative), Name: name })}>`);
      lines.push(...render(child, childRelative, `${indent}  `));
      lines.push(`${indent}</Directory>`);
    }
    return lines;
  };
  return render(root, '', '          ');
}

/**
 * The .wxs of the MSI installing `files` ({relative, source}: the `win-unpacked` folder plus the install-type
 * marker) into Program Files\Interview Recorder for all users.
 */
export function renderWxs({ version, manufacturer, files, exeName, properties }) {
  const exe = `[INSTALLDIR]${exeName}`;
  const fileComponent = (file, indent) => {
    const key = file.relative.toLowerCase();
    return (
      `${indent}<Component ${attributes({ Id: stableId('c', key), Guid: stableGuid(`file:${key}`), Win64: 'yes' })}>` +
      `<File ${attributes({ Id: stableId('f', key), Name: path.posix.basename(file.relative), Source: file.source, KeyPath: 'yes' })}/>` +
      `</Component>`
    );
  };
  const registry = (values) => `<RegistryValue ${attributes({ Root: 'HKLM', ...values })}/>`;
  // Each policy in a component of its own, so that a condition (policyConditions) can leave it out.
  const policyComponents = properties.map(({ property, name, type }) =>
    [
      `      <Component ${attributes({ Id: policyComponentId(property), Guid: stableGuid(`policy:${property}`), Win64: 'yes' })}>`,
      `        ${registry({ Key: POLICY_KEY, Name: name, Type: type, Value: `[${property}]`, KeyPath: 'yes' })}`,
      '      </Component>',
    ].join('\n'),
  );
  const schemeKey = `Software\\Classes\\${URL_SCHEME}`;
  const components = [
    ...files.map((file) => stableId('c', file.relative.toLowerCase())),
    'StartMenuShortcut',
    'UrlScheme',
    ...properties.map(({ property }) => policyComponentId(property)),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product ${attributes({ Id: '*', Name: PRODUCT_NAME, Language: '1033', Version: version, Manufacturer: manufacturer, UpgradeCode: UPGRADE_CODE })}>
    <!-- perMachine: wixl writes ALLUSERS=1 into the Property table. -->
    <Package ${attributes({ InstallerVersion: '500', Compressed: 'yes', InstallScope: 'perMachine', Description: `${PRODUCT_NAME} ${version}`, Manufacturer: manufacturer })}/>
    <MajorUpgrade DowngradeErrorMessage="A newer version of ${PRODUCT_NAME} is already installed."/>
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory ${attributes({ Id: 'INSTALLDIR', Name: PRODUCT_NAME })}>
${directoryTree(files, fileComponent).join('\n')}
        </Directory>
      </Directory>
      <Directory Id="ProgramMenuFolder"/>
    </Directory>
    <DirectoryRef Id="ProgramMenuFolder">
      <Component ${attributes({ Id: 'StartMenuShortcut', Guid: stableGuid('start-menu-shortcut'), Win64: 'yes' })}>
        <Shortcut ${attributes({ Id: 'AppShortcut', Name: PRODUCT_NAME, Target: exe, WorkingDirectory: 'INSTALLDIR' })}/>
        ${registry({ Key: INSTALL_TYPE_KEY, Name: 'InstallType', Type: 'string', Value: 'msi', KeyPath: 'yes' })}
      </Component>
    </DirectoryRef>
    <DirectoryRef Id="TARGETDIR">
      <Component ${attributes({ Id: 'UrlScheme', Guid: stableGuid('url-scheme'), Win64: 'yes' })}>
        ${registry({ Key: schemeKey, Type: 'string', Value: `URL:${PRODUCT_NAME} interview link`, KeyPath: 'yes' })}
        ${registry({ Key: schemeKey, Name: 'URL Protocol', Type: 'string', Value: '' })}
        ${registry({ Key: `${schemeKey}\\DefaultIcon`, Type: 'string', Value: `"${exe}",0` })}
        ${registry({ Key: `${schemeKey}\\shell\\open\\command`, Type: 'string', Value: `"${exe}" "%1"` })}
      </Component>
${policyComponents.join('\n')}
    </DirectoryRef>
    <Feature Id="App" Title="${PRODUCT_NAME}" Level="1">
${components.map((id) => `      <ComponentRef Id="${id}"/>`).join('\n')}
    </Feature>
  </Product>
</Wix>
`;
}
