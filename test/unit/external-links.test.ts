import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalLinks } from '../../src/core/security/external-links';
import { configSchema } from '../../src/shared/config/schema';
import { HELP_PAGES } from '../../src/shared/help-pages';
import { interviewScriptSchema } from '../../src/shared/interview/script';
import { projectRoot } from '../support/built';

const script = (extra: Record<string, unknown>) =>
  interviewScriptSchema.parse({ id: 'i1', title: 'T', candidateName: 'Ann', questions: [{ text: 'Why?' }], ...extra });

describe('external links', () => {
  it("allows the https hosts the script and the configured backends name, and the script's contact links", () => {
    const settings = configSchema.parse({
      backends: {
        agora: { baseUrl: 'https://agora.acme.example/api' },
        livekit: { baseUrl: 'http://127.0.0.1:7880' }, // http: never opens outside
        mediaApi: { baseUrl: 'https://media.acme.example:8443/' },
      },
      s3: { endpoint: 'https://s3.acme.example' },
    });
    const interview = script({
      contact: { name: 'Dana', email: 'dana@acme.example', phone: '+1 (555) 010-0' },
      questions: [
        { text: 'One', audio: 'https://cdn.acme.example/q1.mp3' },
        { text: 'Two', audio: 'audio/q2.mp3' }, // a file next to the script names no host
        { text: 'Three', audio: 'https://cdn.acme.example/q3.mp3' },
      ],
    });
    expect(externalLinks(settings, interview)).toEqual({
      httpsHosts: [
        ...HELP_PAGES.map((page) => new URL(page).host),
        'cdn.acme.example',
        'agora.acme.example',
        'media.acme.example:8443',
        's3.acme.example',
      ],
      contactLinks: ['mailto:dana@acme.example', 'tel:+15550100'],
    });
  });

  it('allows only the help pages with no script and default settings', () => {
    expect(externalLinks(configSchema.parse({}), undefined)).toEqual({
      httpsHosts: HELP_PAGES.map((page) => new URL(page).host),
      contactLinks: [],
    });
  });

  it('lists every https page the renderer links to in HELP_PAGES', () => {
    const files = fs
      .readdirSync(path.join(projectRoot, 'src', 'renderer'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(tsx?|html)$/.test(file) && !file.endsWith('.d.ts'));
    expect(files.length).toBeGreaterThan(20);
    // A quoted https URL in the code (comments hold references to specifications, not links).
    const linked = files.flatMap((file) =>
      [...fs.readFileSync(path.join(projectRoot, 'src', 'renderer', file), 'utf8').matchAll(/["'`]https:\/\/[^"'`\s]+/g)].map((m) =>
        m[0].slice(1),
      ),
    );
    expect(linked.filter((url) => !HELP_PAGES.includes(url))).toEqual([]);
  });
});
