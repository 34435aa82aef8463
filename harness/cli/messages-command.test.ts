import { describe, expect, it } from 'vitest';
import { catalogueMessages } from '../catalogue/catalogue-messages.ts';
import { messageOperation } from '../catalogue/message-operation.ts';
import { UsageError } from './exit-codes.ts';
import { messagesCommand } from './messages-command.ts';

async function printed(args: string[]): Promise<string> {
  let text = '';
  expect(await messagesCommand(args, (chunk) => (text += chunk))).toBe(0);
  return text;
}

describe('partner-harness messages', () => {
  it('lists every entry of the emulated services as JSON, each with the operation its id belongs to', async () => {
    const rows = JSON.parse(await printed(['--json'])) as Array<{ id: string; operation: string; text: string; provenance: string; source: string }>;
    expect(rows).toEqual(catalogueMessages());
    expect(rows.length).toBeGreaterThan(50);
    const operationOf = (id: string) => rows.find((row) => row.id === id)?.operation;
    expect(operationOf('transfer.test-connection.succeeded')).toBe('transfer:TestConnection');
    expect(operationOf('transfer.identity-provider.failed-login')).toBe('transfer:TestIdentityProvider');
    expect(operationOf('glue.jdbc.driver-error')).toBe('glue:TestConnection');
    expect(operationOf('glue.test-connection.neither')).toBe('glue:TestConnection');
    expect(operationOf('glue.salesforce.token-error')).toBe('glue:TestConnection');
    expect(operationOf('transfer.user.exists')).toBe('transfer:*');
    expect(operationOf('secretsmanager.secret.not-found')).toBe('secretsmanager:*');
    expect(messageOperation('glue.network.no-self-reference')).toBe('glue:TestConnection');
    for (const row of rows) expect(Object.keys(row)).toEqual(['id', 'operation', 'text', 'provenance', 'source']);
  });

  it('filters by operation and provenance, together', async () => {
    const rows = JSON.parse(await printed(['--json', '--operation', 'transfer:TestConnection', '--provenance', 'documented'])) as Array<{ id: string }>;
    expect(rows.map((row) => row.id)).toEqual(
      catalogueMessages()
        .filter((row) => row.operation === 'transfer:TestConnection' && row.provenance === 'documented')
        .map((row) => row.id),
    );
    expect(rows.map((row) => row.id)).toContain('transfer.test-connection.succeeded');
  });

  it('prints a table per operation: counts, then id, provenance and text, the source under the text', async () => {
    const text = await printed(['--operation', 'transfer:TestConnection']);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^transfer:TestConnection \(\d+: \d+ documented, .*\d+ inferred\)$/);
    expect(lines[1]).toMatch(/^ {2}ID +PROVENANCE +TEXT$/);
    const row = lines.findIndex((line) => /^ {2}transfer\.test-connection\.succeeded +documented +Connection succeeded$/.test(line));
    expect(row).toBeGreaterThan(1);
    expect(lines[row + 1]).toMatch(/^ +source: \S/);
    // The source starts where the text does.
    expect(lines[row + 1]!.indexOf('source:')).toBe(lines[row]!.indexOf('Connection succeeded'));
    expect(text).not.toContain('transfer:TestIdentityProvider');
    expect(await printed(['--operation', 'glue:*', '--provenance', 'harness'])).toBe('No catalogue entry matches.\n');
  });

  it('refuses an unknown operation or provenance with the valid ones (exit 2), and arguments', async () => {
    await expect(messagesCommand(['--operation', 'transfer:TestConection'])).rejects.toThrow(UsageError);
    await expect(messagesCommand(['--operation', 'transfer:TestConection'])).rejects.toThrow(
      /--operation transfer:TestConection: not one of the catalogue's\. Use one of: glue:TestConnection, transfer:TestConnection, transfer:TestIdentityProvider, .*transfer:\*\./,
    );
    await expect(messagesCommand(['--provenance', 'user'])).rejects.toThrow("--provenance user: not one of the catalogue's. Use one of: documented, observed, inferred, harness.");
    await expect(messagesCommand(['transfer'])).rejects.toThrow(/messages takes no arguments/);
    await expect(messagesCommand(['--colour'])).rejects.toThrow(UsageError);
  });
});
