import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, playbackSources, securityHeadersFor } from '../../src/core/security/csp';
import { configSchema } from '../../src/shared/config/schema';

const config = (settings: Record<string, unknown>) => configSchema.parse(settings);
const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `))!;

describe('CSP: where the review player may load recordings from', () => {
  it('exactly the configured S3 endpoint and the Agora and LiveKit backends, as origins', () => {
    const sources = playbackSources(
      config({
        s3: { bucket: 'recordings', endpoint: 'http://127.0.0.1:9000/some/path' },
        backends: {
          agora: { baseUrl: 'https://agora.example.com/api/agora/' },
          livekit: { baseUrl: 'https://lk.example.com/api/livekit' },
        },
      }),
    );
    expect(sources).toEqual(['http://127.0.0.1:9000', 'https://agora.example.com', 'https://lk.example.com']);
  });

  it('AWS S3 when only a bucket is set; nothing when nothing is', () => {
    expect(playbackSources(config({ s3: { bucket: 'recordings' } }))).toEqual(['https://*.amazonaws.com']);
    expect(playbackSources(config({}))).toEqual([]);
  });

  it('puts them in media-src and connect-src (hls.js fetches), and nowhere else', () => {
    const csp = securityHeadersFor(config({ s3: { bucket: 'b', endpoint: 'https://s3.example.com' } }))['Content-Security-Policy']!;
    expect(directive(csp, 'media-src')).toBe("media-src 'self' blob: mediastream: https://s3.example.com");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://s3.example.com");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'img-src')).not.toContain('s3.example.com');
    expect(contentSecurityPolicy()).not.toMatch(/https?:\/\//);
  });
});
