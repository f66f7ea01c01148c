// Reads the generated policy templates back (through xmllint, JSON.parse, the Markdown table) and says which
// policies of a definition each one lacks, or carries as the wrong type; and whether the ADMX and the ADML agree.
import type { PolicyDefinition } from '../../src/shared/config/policies';
import type { PolicyTemplate } from '../../src/core/services/config/policy-templates/template-files';
import { el, unescapeXml, xpathAttributes, xpathNodes } from './xml-query';

type Check = (text: string, policies: readonly PolicyDefinition[]) => string[];

const ADMX_ELEMENT: Record<Exclude<PolicyDefinition['type'], 'boolean'>, string> = {
  string: 'text',
  integer: 'decimal',
  enum: 'enum',
  list: 'multiText',
};
const PLIST_ELEMENT: Record<PolicyDefinition['type'], readonly string[]> = {
  string: ['string'],
  enum: ['string'],
  integer: ['integer'],
  boolean: ['true', 'false'],
  list: ['array'],
};

const policyPath = `//${el('policyDefinitions')}/${el('policies')}/${el('policy')}`;

interface AdmxPolicy {
  key: string;
  /** The `valueName` of an on/off policy, or of the element that holds the value, with that element's name. */
  valueName?: string;
  element?: string;
}

/** Every ADMX policy by name, from the policies xmllint finds under policyDefinitions/policies (one call for all). */
function admxPolicies(admx: string): Map<string, AdmxPolicy> {
  const markup = xpathNodes(admx, policyPath).join('\n');
  const policies = new Map<string, AdmxPolicy>();
  for (const [whole, attributes] of markup.matchAll(/<policy ([^>]*)>[\s\S]*?<\/policy>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes!)?.[1];
    const element = /<elements>\s*<(\w+) [^>]*?valueName="([^"]+)"/.exec(whole);
    policies.set(attribute('name')!, {
      key: unescapeXml(attribute('key') ?? ''),
      valueName: element?.[2] ?? (whole.includes('<enabledValue>') ? attribute('valueName') : undefined),
      element: element?.[1] ?? (whole.includes('<enabledValue>') ? 'enabledValue' : undefined),
    });
  }
  return policies;
}

/** Each policy, mandatory under the policy key and recommended (`<name>_Recommended`) under its Recommended subkey. */
const ADMX_LEVELS = [
  { suffix: '', key: 'Software\\Policies\\InterviewRecorder' },
  { suffix: '_Recommended', key: 'Software\\Policies\\InterviewRecorder\\Recommended' },
];

const checkAdmx: Check = (admx, policies) => {
  const found = admxPolicies(admx);
  return policies.flatMap((policy) =>
    ADMX_LEVELS.flatMap(({ suffix, key }) => {
      const name = policy.name + suffix;
      const admxPolicy = found.get(name);
      if (!admxPolicy) return [`${name}: no <policy> in the ADMX`];
      if (admxPolicy.key !== key) return [`${name}: ADMX key is ${admxPolicy.key}, expected ${key}`];
      const expected = policy.type === 'boolean' ? 'enabledValue' : ADMX_ELEMENT[policy.type];
      return admxPolicy.valueName === policy.name && admxPolicy.element === expected
        ? []
        : [`${name}: ADMX value is <${admxPolicy.element}> ${admxPolicy.valueName}, expected <${expected}> ${policy.name}`];
    }),
  );
};

const checkAdml: Check = (adml, policies) => {
  const strings = new Set(xpathAttributes(adml, `//${el('stringTable')}/${el('string')}/@id`));
  const presentations = new Set(xpathAttributes(adml, `//${el('presentationTable')}/${el('presentation')}/@id`));
  return policies.flatMap((policy) => [
    ...(strings.has(policy.name) ? [] : [`${policy.name}: no display name in the ADML`]),
    ...ADMX_LEVELS.filter(({ suffix }) => !strings.has(`${policy.name}${suffix}_Explain`)).map(
      ({ suffix }) => `${policy.name}${suffix}: no explanation in the ADML`,
    ),
    ...(policy.type === 'boolean' || presentations.has(policy.name) ? [] : [`${policy.name}: no presentation in the ADML`]),
  ]);
};

/** `key` → element name of its value, in the profile's managed preference settings. */
function plistSettings(mobileconfig: string): Map<string, string> {
  const markup = xpathNodes(mobileconfig, "//key[.='mcx_preference_settings']/following-sibling::dict[1]/*").join('\n');
  return new Map([...markup.matchAll(/<key>([^<]*)<\/key>\s*<(\w+)/g)].map((match) => [match[1]!, match[2]!]));
}

const checkMobileconfig: Check = (mobileconfig, policies) => {
  const settings = plistSettings(mobileconfig);
  return policies.flatMap((policy) => {
    const found = settings.get(policy.name);
    if (found === undefined) return [`${policy.name}: not in the profile's mcx_preference_settings`];
    return PLIST_ELEMENT[policy.type].includes(found)
      ? []
      : [`${policy.name}: profile value is <${found}>, expected ${PLIST_ELEMENT[policy.type].join(' or ')}`];
  });
};

function valueAt(settings: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], settings);
}

const checkLinuxSample =
  (file: string): Check =>
  (json, policies) => {
    const settings: unknown = JSON.parse(json);
    return policies.flatMap((policy) =>
      valueAt(settings, policy.key) === undefined ? [`${policy.name}: ${policy.key} not in ${file}`] : [],
    );
  };

const checkDoc: Check = (markdown, policies) =>
  policies.flatMap((policy) => {
    const row = markdown.split('\n').find((line) => line.startsWith(`| \`${policy.name}\``));
    if (!row) return [`${policy.name}: no row in docs/policies.md`];
    return row.includes(`\`${policy.key}\``) ? [] : [`${policy.name}: its row in docs/policies.md does not name ${policy.key}`];
  });

const CHECKS: Record<PolicyTemplate, Check> = {
  admx: checkAdmx,
  adml: checkAdml,
  mobileconfig: checkMobileconfig,
  linuxMandatory: checkLinuxSample('policy.json'),
  linuxRecommended: checkLinuxSample('recommended.json'),
  doc: checkDoc,
};

/** Each policy a template lacks or carries wrongly, as "<template>: <policy>: <what>". */
export function policiesMissing(files: Record<PolicyTemplate, string>, policies: readonly PolicyDefinition[]): string[] {
  return (Object.keys(CHECKS) as PolicyTemplate[]).flatMap((template) =>
    CHECKS[template](files[template], policies).map((problem) => `${template}: ${problem}`),
  );
}

const references = (text: string, kind: 'string' | 'presentation'): string[] =>
  [...text.matchAll(new RegExp(`\\$\\(${kind}\\.([^)]+)\\)`, 'g'))].map((match) => match[1]!);

/** What the ADMX refers to that is not defined: strings and presentations (in the ADML), categories, supportedOn, refIds. */
export function admxReferenceProblems(admx: string, adml: string): string[] {
  const strings = new Set(xpathAttributes(adml, `//${el('stringTable')}/${el('string')}/@id`));
  const presentations = new Set(xpathAttributes(adml, `//${el('presentationTable')}/${el('presentation')}/@id`));
  const categories = new Set(xpathAttributes(admx, `//${el('categories')}/${el('category')}/@name`));
  const supported = new Set(xpathAttributes(admx, `//${el('supportedOn')}/${el('definitions')}/${el('definition')}/@name`));
  const elementIds = new Set(xpathAttributes(admx, `${policyPath}/${el('elements')}/*/@id`));
  const refIds = xpathAttributes(adml, `//${el('presentation')}/*/@refId`);
  const undefinedIn = (what: string, ids: string[], known: Set<string>): string[] =>
    ids.filter((id) => !known.has(id)).map((id) => `${what} ${id} is not defined`);
  return [
    ...undefinedIn('string', references(admx, 'string'), strings),
    ...undefinedIn('presentation', references(admx, 'presentation'), presentations),
    ...undefinedIn('category', xpathAttributes(admx, `//${el('parentCategory')}/@ref`), categories),
    ...undefinedIn('supportedOn', xpathAttributes(admx, `${policyPath}/${el('supportedOn')}/@ref`), supported),
    ...undefinedIn('presentation refId', refIds, elementIds),
  ];
}
