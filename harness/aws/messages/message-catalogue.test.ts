import { describe, expect, it } from 'vitest';
import { emulatedServices } from '../emulated-services.ts';
import { allMessages } from './all-messages.ts';
import { MessageCatalogue, type MessageEntry } from './message-catalogue.ts';
import { transferMessages } from './transfer-messages.ts';

const sample: MessageEntry[] = [
  { id: 'greet', text: 'Hello {name}, you have {count} new {name} messages', provenance: 'inferred', source: 'test' },
  { id: 'plain', text: 'No placeholders', provenance: 'documented', source: 'doc page' },
];

describe('MessageCatalogue', () => {
  it('renders every occurrence of a placeholder and keeps provenance and source', () => {
    const rendered = new MessageCatalogue(sample).render('greet', { name: 'ann', count: 3 });
    expect(rendered).toEqual({ id: 'greet', text: 'Hello ann, you have 3 new ann messages', provenance: 'inferred', source: 'test' });
  });

  it('leaves a placeholder without a parameter visible', () => {
    expect(new MessageCatalogue(sample).render('greet', { name: 'ann' }).text).toBe('Hello ann, you have {count} new ann messages');
  });

  it('does not interpret replacement patterns in parameter values', () => {
    expect(new MessageCatalogue(sample).render('greet', { name: '$&$1', count: 0 }).text).toBe('Hello $&$1, you have 0 new $&$1 messages');
  });

  it('rejects duplicate ids', () => {
    expect(() => new MessageCatalogue([...sample, { ...sample[0]! }])).toThrow("Duplicate message id 'greet'");
  });

  it('fails on an unknown id', () => {
    expect(() => new MessageCatalogue(sample).render('nope')).toThrow("Unknown message id 'nope'");
  });

  it('overrides a text with provenance user in a copy, leaving the original alone', () => {
    const original = new MessageCatalogue(sample);
    const overridden = original.withOverrides({ plain: 'Seen on a real partner: {x}' }, 'scenario 26');
    expect(overridden.render('plain', { x: 'y' })).toEqual({ id: 'plain', text: 'Seen on a real partner: y', provenance: 'user', source: 'scenario 26' });
    expect(overridden.render('greet')).toMatchObject({ provenance: 'inferred' });
    expect(original.render('plain')).toMatchObject({ text: 'No placeholders', provenance: 'documented' });
  });

  it('rejects an override for an unknown id, listing the known ids', () => {
    expect(() => new MessageCatalogue(sample).withOverrides({ plian: 'x' })).toThrow(
      "Unknown message id 'plian' in user override. Known ids: greet, plain",
    );
  });
});

describe('allMessages', () => {
  it('has unique ids', () => {
    const ids = allMessages.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => new MessageCatalogue(allMessages)).not.toThrow();
  });

  it.each(allMessages.map((m) => [m.id, m] as const))('%s has a text, a source and a shipped provenance', (_id, entry) => {
    // An empty text only where AWS documents the empty string (TestIdentityProvider's Message).
    if (entry.text === '') expect(entry.provenance).toBe('documented');
    expect(entry.source.trim()).not.toBe('');
    expect(['documented', 'observed', 'inferred', 'harness']).toContain(entry.provenance);
    expect(entry.id).toMatch(/^(transfer|secretsmanager|glue)\.[a-z0-9.-]+$/);
  });

  it('keeps every placeholder name a single word (other braces are JSON examples)', () => {
    for (const entry of allMessages) {
      for (const braced of entry.text.match(/\{[A-Za-z][^}]*\}/g) ?? []) expect(braced, entry.id).toMatch(/^\{\w+\}$/);
    }
  });

  it('renders the documented host-key negotiation text exactly as the AWS troubleshooting guide prints it', () => {
    const entry = transferMessages.find((m) => m.id === 'transfer.test-connection.kex-host-key')!;
    expect(entry.provenance).toBe('documented');
    const rendered = new MessageCatalogue(allMessages).render(entry.id, {
      clientOffered: ['ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256'].join(', '),
      serverOffered: 'ssh-rsa',
    });
    expect(rendered.text).toBe(
      'Key exchange negotiation failed due to incompatible host key algorithms. Client offered: ' +
        '[ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, rsa-sha2-512, rsa-sha2-256] Server offered: [ssh-rsa]',
    );
  });

  it('renders the three connector-label prefixes AWS documents verbatim', () => {
    const catalogue = new MessageCatalogue(allMessages);
    const texts = catalogue.entries().map((e) => e.text);
    for (const label of ['Unknown Host/Connection failed', 'Private key not found', 'Invalid trusted host keys']) {
      expect(texts.some((t) => t.startsWith(label)), label).toBe(true);
    }
  });
});

describe('the catalogue\'s provenance', () => {
  it('names a source a reader can open (a URL) for every documented or observed text', () => {
    const everyService = emulatedServices.flatMap((service) => service.messages);
    expect(everyService.length).toBeGreaterThan(allMessages.length);
    const unsourced = everyService.filter((entry) => (entry.provenance === 'documented' || entry.provenance === 'observed') && !/https:\/\/\S+/.test(entry.source));
    expect(unsourced.map((entry) => entry.id)).toEqual([]);
  });
});
