import { describe, expect, it } from 'vitest';
import { MessageTemplate } from './message-template.ts';

describe('MessageTemplate', () => {
  const template = new MessageTemplate('Authentication failed for user {username} (tried: {methods}) on {url}');
  const rendered = 'Authentication failed for user alice.smith (tried: password) on sftp://127.0.0.1:40123';

  it('reads the placeholder values out of a rendering, and refuses a text that is not one', () => {
    expect(template.valuesIn(rendered)).toEqual({ username: 'alice.smith', methods: 'password', url: 'sftp://127.0.0.1:40123' });
    expect(template.valuesIn('Connection succeeded')).toBeUndefined();
  });

  it('tells the same wording with other values from other wording', () => {
    expect(template.sameWording('Authentication failed for user bob (tried: publickey) on sftp://127.0.0.1:5')).toBe(true);
    expect(template.sameWording('Failed to authenticate user bob')).toBe(false);
  });

  it('puts the rendering’s values back as placeholders in another text, longest first, in one pass', () => {
    expect(template.restorePlaceholders('Login for alice.smith refused at sftp://127.0.0.1:40123 (password)', rendered)).toBe(
      'Login for {username} refused at {url} ({methods})',
    );
    // A value inside another (the host inside the URL) is not replaced twice.
    const nested = new MessageTemplate('{host} at {url}');
    expect(nested.restorePlaceholders('cannot reach example.org: sftp://example.org:22', 'example.org at sftp://example.org:22')).toBe('cannot reach {host}: {url}');
  });

  it('leaves short values and texts without the values as they are, and takes literal regex characters literally', () => {
    const short = new MessageTemplate('Port {port} is closed (x{n})');
    expect(short.restorePlaceholders('Port 22 is closed (x1)', 'Port 22 is closed (x1)')).toBe('Port 22 is closed (x1)');
    expect(template.restorePlaceholders('Connection succeeded', rendered)).toBe('Connection succeeded');
    expect(new MessageTemplate('a.b (c) [d] {x}').valuesIn('a.b (c) [d] $1')).toEqual({ x: '$1' });
    expect(new MessageTemplate('{a} and {a}').valuesIn('x and y')).toBeUndefined();
  });
});
