import { createServer, request, Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import ssh2, { type Client, type SFTPWrapper } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { SftpFake } from '../sftp/index.ts';
import { FaultProxy } from './index.ts';

function get(port: number, agent: Agent, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

function sshLogin(port: number, password: string): Promise<Client> {
  const client = new ssh2.Client();
  return new Promise((resolve, reject) => {
    client
      .once('ready', () => resolve(client))
      .on('error', reject)
      .connect({ host: '127.0.0.1', port, username: 'alice', password, readyTimeout: 10_000 });
  });
}

describe('FaultProxy with real protocols', () => {
  it('HTTP keep-alive requests survive latency and bandwidth both ways', async () => {
    const server = createServer((req, res) => res.end(`you asked for ${req.url} `.repeat(200)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await using proxy = await new FaultProxy()
      .withTarget('127.0.0.1', port)
      .withFault({ kind: 'latency', ms: 30, jitterMs: 20, direction: 'both' })
      .withFault({ kind: 'bandwidth', bytesPerSecond: 200_000 })
      .start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const start = performance.now();
      for (const path of ['/a', '/b', '/c']) {
        const { status, body } = await get(proxy.getPort(), agent, path);
        expect(status).toBe(200);
        expect(body).toBe(`you asked for ${path} `.repeat(200));
      }
      expect(performance.now() - start).toBeGreaterThanOrEqual(3 * 60);
      expect(proxy.getTranscript().filter((e) => e.kind === 'accepted')).toHaveLength(1);
    } finally {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('ssh2 logs in to the SFTP fake and moves a file through latency', async () => {
    const password = 'proxy-pw-93e1';
    await using sftp = await new SftpFake().withUser('alice', { password, files: { 'in.txt': 'from the partner' } }).start();
    await using proxy = await new FaultProxy()
      .withTarget(sftp.getHost(), sftp.getPort())
      .withFault({ kind: 'latency', ms: 25, direction: 'both' })
      .start();
    const start = performance.now();
    const client = await sshLogin(proxy.getPort(), password);
    try {
      const session = await new Promise<SFTPWrapper>((resolve, reject) => client.sftp((e, s) => (e ? reject(e) : resolve(s))));
      const content = await new Promise<Buffer>((resolve, reject) => session.readFile('in.txt', (e, b) => (e ? reject(e) : resolve(b))));
      expect(content.toString()).toBe('from the partner');
      await new Promise<void>((resolve, reject) => session.writeFile('out.txt', 'through the proxy', (e) => (e ? reject(e) : resolve())));
      expect(sftp.readFile('alice', 'out.txt')?.toString()).toBe('through the proxy');
      // Key exchange, auth and each SFTP request are round trips, each at least 2 × 25 ms.
      expect(performance.now() - start).toBeGreaterThanOrEqual(4 * 50);
    } finally {
      client.end();
    }
    expect(JSON.stringify(proxy.getTranscript())).not.toContain(password);
  });
});
