import { describe, expect, it } from 'vitest';
import { byCategory, rowValueWords, sourceWords, valueWords } from '../../src/renderer/features/settings/setting-words';
import { settingsMessages } from '../../src/renderer/features/settings/settings-messages';
import type { SettingRow } from '../../src/shared/domain/settings';
import { translator } from '../../src/shared/i18n/messages';

const t = translator(settingsMessages, 'en-US');
const row = (over: Partial<SettingRow>): SettingRow => ({
  key: 's3.bucket',
  category: 'Storage',
  value: 'b',
  default: null,
  isSecret: false,
  isSet: true,
  layer: 'defaults',
  locked: false,
  ...over,
});

describe('the settings screen’s words', () => {
  it('says where a value comes from in plain words, with the exact place as detail', () => {
    expect(sourceWords(t, row({ layer: 'policy', source: 'HKLM\\Software\\Policies\\InterviewRecorder\\S3Bucket', locked: true }))).toEqual(
      {
        words: 'Set by your organization',
        detail: 'HKLM\\Software\\Policies\\InterviewRecorder\\S3Bucket',
      },
    );
    expect(sourceWords(t, row({ layer: 'recommended', source: '/etc/interview-recorder/recommended.json' })).words).toBe(
      'Recommended by your organization',
    );
    expect(sourceWords(t, row({ layer: 'user', source: '/home/ada/settings.json' })).words).toBe('Your settings');
    expect(sourceWords(t, row({ layer: 'environment', source: 'IREC_S3_BUCKET' }))).toEqual({
      words: 'Environment variable IREC_S3_BUCKET',
    });
    expect(sourceWords(t, row({ layer: 'flags', source: '--set s3.bucket' }))).toEqual({
      words: 'Command line',
      detail: '--set s3.bucket',
    });
    expect(sourceWords(t, row({ layer: 'defaults' }))).toEqual({ words: 'Default' });
  });

  it('speaks values as people read them, and a secret only as set or not', () => {
    expect([true, false, null, [], ['agora', 'livekit'], 2_500_000].map((v) => valueWords(t, v))).toEqual([
      'On',
      'Off',
      'Not set',
      'None',
      'agora, livekit',
      '2500000',
    ]);
    expect(rowValueWords(t, row({ isSecret: true, value: null, isSet: true }))).toBe('Set (hidden)');
    expect(rowValueWords(t, row({ isSecret: true, value: null, isSet: false }))).toBe('Not set');
    expect(translator(settingsMessages, 'ru-RU')('sourcePolicy')).toBe('Задано вашей организацией');
  });

  it('groups rows in the fixed order of the categories', () => {
    const rows = [
      row({ key: 'logLevel', category: 'Diagnostics' }),
      row({ key: 'a', category: 'Backends' }),
      row({ key: 'b', category: 'Backends' }),
    ];
    expect(byCategory(rows).map(([category, inIt]) => [category, inIt.map((r) => r.key)])).toEqual([
      ['Backends', ['a', 'b']],
      ['Diagnostics', ['logLevel']],
    ]);
  });
});
