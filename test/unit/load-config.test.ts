import { describe, expect, it } from 'vitest';
import { formatConfigProblem, loadConfig, type ConfigInputs } from '../../src/core/services/config/load-config';

const POLICY = '/etc/interview-recorder/policy.json';
const RECOMMENDED = '/etc/interview-recorder/recommended.json';
const USER = '/home/ada/.config/Interview Recorder/settings.json';

function load(files: Record<string, string>, rest: Partial<ConfigInputs> = {}) {
  return loadConfig({
    policyFile: POLICY,
    recommendedPolicyFile: RECOMMENDED,
    userConfigFile: USER,
    env: {},
    readFile: (file) => files[file] ?? null,
    ...rest,
  });
}

describe('configuration layers', () => {
  it('gives a complete config from defaults alone', () => {
    const { config, problems, sources } = load({});
    expect(problems).toEqual([]);
    expect(config.s3).toMatchObject({ region: 'us-east-1', forcePathStyle: false, prefix: 'recordings/' });
    expect(config.backends.livekit).toEqual({});
    expect(sources.map((s) => `${s.layer}:${s.status}`)).toEqual([
      'defaults:applied',
      'recommended:absent',
      'user:absent',
      'environment:absent',
      'flags:absent',
      'policy:absent',
    ]);
  });

  it('applies defaults < recommended < user < environment < flags < mandatory policy', () => {
    const { config, origins } = load(
      {
        [RECOMMENDED]: JSON.stringify({ s3: { region: 'eu-west-2', prefix: 'recommended/', serverSideEncryption: 'AES256' } }),
        [POLICY]: JSON.stringify({ s3: { bucket: 'policy-bucket' }, logLevel: 'warn' }),
        [USER]: JSON.stringify({ s3: { bucket: 'user-bucket', region: 'eu-central-1' }, dataDir: '/user/data', logLevel: 'debug' }),
      },
      {
        env: { IREC_S3_BUCKET: 'env-bucket', IREC_DATA_DIR: '/env/data', IREC_S3_PREFIX: 'env/' },
        flags: { dataDir: '/flag/data', set: ['s3.bucket=flag-bucket'] },
      },
    );
    expect(config.s3.bucket).toBe('policy-bucket');
    expect(config.logLevel).toBe('warn');
    expect(config.s3.region).toBe('eu-central-1');
    expect(config.s3.prefix).toBe('env/');
    expect(config.s3.serverSideEncryption).toBe('AES256');
    expect(config.dataDir).toBe('/flag/data');
    expect(origins).toEqual({
      's3.bucket': { layer: 'policy', source: POLICY },
      logLevel: { layer: 'policy', source: POLICY },
      's3.region': { layer: 'user', source: USER },
      's3.prefix': { layer: 'environment', source: 'IREC_S3_PREFIX' },
      's3.serverSideEncryption': { layer: 'recommended', source: RECOMMENDED },
      dataDir: { layer: 'flags', source: '--data-dir' },
    });
  });

  it('parses --set values as JSON when they are JSON', () => {
    const { config, problems } = load({}, { flags: { set: ['s3.forcePathStyle=true', 's3.endpoint=http://127.0.0.1:4568'] } });
    expect(problems).toEqual([]);
    expect(config.s3.forcePathStyle).toBe(true);
    expect(config.s3.endpoint).toBe('http://127.0.0.1:4568');
  });

  it('coerces boolean environment variables', () => {
    expect(load({}, { env: { IREC_S3_FORCE_PATH_STYLE: 'true' } }).config.s3.forcePathStyle).toBe(true);
    expect(load({}, { env: { IREC_S3_FORCE_PATH_STYLE: '0' } }).config.s3.forcePathStyle).toBe(false);
  });
});

describe('configuration errors name the file, the key and what was expected — and never throw', () => {
  it('reports a wrong type in the user file and keeps the rest of that file', () => {
    const { config, problems, sources } = load({ [USER]: JSON.stringify({ s3: { bucket: 'kept', forcePathStyle: 'yes' } }) });
    expect(problems).toEqual([{ layer: 'user', source: USER, keyPath: 's3.forcePathStyle', message: 'expected boolean, received string' }]);
    expect(config.s3.bucket).toBe('kept');
    expect(config.s3.forcePathStyle).toBe(false);
    expect(sources.find((s) => s.layer === 'user')?.status).toBe('partly-applied');
  });

  it('reports a misspelt key in the policy file', () => {
    const { problems } = load({ [POLICY]: JSON.stringify({ s3: { bukket: 'x' } }) });
    expect(problems).toEqual([
      expect.objectContaining({ source: POLICY, keyPath: 's3.bukket', message: expect.stringContaining('spelling') }),
    ]);
  });

  it('reports a value outside its allowed set', () => {
    const { problems, config } = load({ [USER]: JSON.stringify({ logLevel: 'loud' }) });
    expect(problems[0]).toMatchObject({ source: USER, keyPath: 'logLevel' });
    expect(problems[0]!.message).toMatch(/debug.*info.*warn.*error/);
    expect(config.logLevel).toBe('info');
  });

  it('reports malformed JSON with the file name and ignores only that file', () => {
    const { problems, config, sources } = load({ [USER]: '{ "s3": ', [POLICY]: JSON.stringify({ s3: { bucket: 'policy' } }) });
    expect(problems).toEqual([
      expect.objectContaining({ layer: 'user', source: USER, keyPath: '', message: expect.stringMatching(/^is not valid JSON/) }),
    ]);
    expect(config.s3.bucket).toBe('policy');
    expect(sources.find((s) => s.layer === 'user')?.status).toBe('invalid');
  });

  it('gives the line and column of a JSON syntax error, never the text around it (it may be a secret)', () => {
    const text = '{\n  "s3": {\n    "credentials": { "secretAccessKey": "wJalrXUtnFEMI-K7MDENG" x }\n  }\n}';
    const [problem] = load({ [USER]: text }).problems;
    expect(problem).toMatchObject({ source: USER, message: expect.stringContaining('syntax error at line 3, column 65') });
    expect(formatConfigProblem(problem!)).not.toMatch(/wJalr|MDENG|x \}/);
  });

  it.each([
    ['{ "s3": ', 1, 9],
    ['{"a": }', 1, 7],
    ['{"a": 1}}', 1, 9],
    ['{\n"a": tru }', 2, 9],
    ['{"a": "line\nbreak"}', 1, 12],
    ['', 1, 1],
  ])('places the syntax error in %j at line %i, column %i', (text, line, column) => {
    expect(load({ [USER]: text }).problems[0]?.message).toContain(`at line ${line}, column ${column})`);
  });

  it('reports a file that is not an object', () => {
    expect(load({ [USER]: '[1, 2]' }).problems[0]).toMatchObject({ source: USER, message: 'expected a JSON object at the top level' });
  });

  it('reports an unreadable file instead of crashing', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const { problems } = load(
      {},
      {
        readFile: (file) => {
          if (file === POLICY) throw denied;
          return null;
        },
      },
    );
    expect(problems).toEqual([expect.objectContaining({ source: POLICY, message: 'cannot be read (permission denied)' })]);
  });

  it('names the environment variable that holds a bad value', () => {
    const { problems, config } = load({}, { env: { IREC_AGORA_URL: 'not a url' } });
    expect(problems).toEqual([
      expect.objectContaining({
        layer: 'environment',
        source: 'IREC_AGORA_URL',
        keyPath: 'backends.agora.baseUrl',
        message: 'expected an http(s) URL',
      }),
    ]);
    expect(config.backends.agora.baseUrl).toBeUndefined();
  });

  it('names the flag that holds a bad value', () => {
    const { problems } = load({}, { flags: { set: ['s3.region=5', 'nonsense'] } });
    expect(problems.map((p) => p.source)).toEqual(['--set nonsense', '--set s3.region']);
  });

  it('refuses __proto__, constructor and prototype in --set paths without touching Object.prototype', () => {
    const set = ['__proto__.polluted=1', 'constructor.prototype.polluted=1', 's3.prototype=1', 's3.bucket=kept'];
    const { config, problems } = load({}, { flags: { set } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(config.s3.bucket).toBe('kept');
    expect(problems.map((p) => [p.source, p.message.split(',')[0]])).toEqual([
      ['--set __proto__.polluted', 'uses "__proto__"'],
      ['--set constructor.prototype.polluted', 'uses "constructor"'],
      ['--set s3.prototype', 'uses "prototype"'],
    ]);
  });

  it('drops "__proto__" keys of a settings file (own properties after JSON.parse) without polluting anything', () => {
    const text = '{"__proto__": {"polluted": 1}, "s3": {"__proto__": {"polluted": 2}, "constructor": {}, "bucket": "b"}}';
    const { config, problems } = load({ [USER]: text });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(config.s3)).toBe(Object.prototype);
    expect(config.s3.bucket).toBe('b');
    expect(problems.map((p) => p.keyPath).sort()).toEqual(['__proto__', 's3.__proto__', 's3.constructor']);
    expect(problems.every((p) => p.message.startsWith('uses "'))).toBe(true);
  });

  it.each([
    ['IREC_S3_BUCKET', 's3.bucket', ' '],
    ['IREC_S3_REGION', 's3.region', '\t '],
    ['IREC_MEDIA_API_SITE', 'backends.mediaApi.site', '  '],
    ['IREC_S3_ENDPOINT', 's3.endpoint', ' '],
  ])('refuses a blank %s, naming it', (name, keyPath, value) => {
    const { problems } = load({}, { env: { [name]: value } });
    expect(problems).toEqual([expect.objectContaining({ layer: 'environment', source: name, keyPath })]);
  });

  it('formats a problem as one sentence a person can act on', () => {
    const [problem] = load({ [USER]: JSON.stringify({ s3: { forcePathStyle: 'yes' } }) }).problems;
    expect(formatConfigProblem(problem!)).toBe(
      `Configuration ${USER}: "s3.forcePathStyle" expected boolean, received string; that setting was ignored.`,
    );
  });
});

describe('IT policy files', () => {
  it('accept only policies: another setting is reported ("set it in the user\'s settings") and dropped', () => {
    const { config, problems, origins } = load({
      [POLICY]: JSON.stringify({ s3: { bucket: 'policy-bucket', partSizeMb: 64 }, dataDir: '/srv/recordings' }),
      [RECOMMENDED]: JSON.stringify({ recording: { fullscreen: true } }),
    });
    expect(problems).toEqual([
      {
        layer: 'recommended',
        source: RECOMMENDED,
        keyPath: 'recording.fullscreen',
        message: "is not a policy; set it in the user's settings",
      },
      { layer: 'policy', source: POLICY, keyPath: 's3.partSizeMb', message: "is not a policy; set it in the user's settings" },
      { layer: 'policy', source: POLICY, keyPath: 'dataDir', message: "is not a policy; set it in the user's settings" },
    ]);
    expect(config.s3.bucket).toBe('policy-bucket');
    expect(config.s3.partSizeMb).toBe(8);
    expect(config.dataDir).toBeUndefined();
    expect(config.recording.fullscreen).toBe(false);
    expect(Object.keys(origins)).toEqual(['s3.bucket']);
  });

  it('report an invalid policy value with its file and drop it, so the user’s value applies', () => {
    const { config, problems, origins } = load(
      { [POLICY]: JSON.stringify({ logLevel: 'verbose', s3: { bucket: 'policy-bucket' } }), [USER]: JSON.stringify({ logLevel: 'debug' }) },
      { env: { IREC_S3_BUCKET: 'env-bucket' } },
    );
    expect(problems).toEqual([expect.objectContaining({ layer: 'policy', source: POLICY, keyPath: 'logLevel' })]);
    expect(formatConfigProblem(problems[0]!)).toContain(`Configuration ${POLICY}: "logLevel"`);
    expect(config.logLevel).toBe('debug');
    expect(origins.logLevel).toEqual({ layer: 'user', source: USER });
    expect(config.s3.bucket).toBe('policy-bucket');
  });

  it('name where a secret came from, never its value', () => {
    const { origins } = load({}, { secrets: { source: '/home/ada/secrets.json', values: { 's3.credentials.secretAccessKey': 's3cr3t' } } });
    expect(origins).toEqual({ 's3.credentials.secretAccessKey': { layer: 'user', source: '/home/ada/secrets.json' } });
    expect(JSON.stringify(origins)).not.toContain('s3cr3t');
  });
});
