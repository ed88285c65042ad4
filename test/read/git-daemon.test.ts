/**
 * src/read/git-daemon.ts: the URLs it asks, the ref advertisement it reads (a property: whatever
 * refs a server advertises, in however many pieces they arrive), and a real `git daemon` on
 * 127.0.0.1 answering it as it answers `git ls-remote`.
 */
import fc from 'fast-check';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdvertisementReader, daemonAddress, daemonCommit } from '../../src/read/git-daemon.js';
import { g, tempDir } from '../support/cli.js';
import { freePort, makeMember, startDaemon, type Daemon } from '../support/rollup.js';

/** The refs of a whole advertisement fed at once (`done` once its flush is there), or undefined for what is none. */
function advertisedRefs(bytes: Buffer): { refs: Map<string, string>; done: boolean } | undefined {
  const reader = new AdvertisementReader();
  const said = reader.push(bytes);
  return said === 'bad' ? undefined : { refs: reader.refs, done: said === 'done' };
}

const pkt = (s: string) => `${(Buffer.byteLength(s) + 4).toString(16).padStart(4, '0')}${s}`;

describe('daemonAddress', () => {
  it('takes git:// URLs with a plain path, and nothing else', () => {
    expect(daemonAddress('git://127.0.0.1:9419/m001')).toEqual({ host: '127.0.0.1', port: 9419, path: '/m001' });
    expect(daemonAddress('git://git.example.cn/offices/东区.git')).toBeUndefined();
    expect(daemonAddress('git://git.example.cn/offices/east.git')).toEqual({ host: 'git.example.cn', port: 9418, path: '/offices/east.git' });
    expect(daemonAddress('git://[::1]:9000/~clerk/east')).toEqual({ host: '::1', port: 9000, path: '/~clerk/east' });
    for (const url of ['https://h/x', 'ssh://h/x', '/srv/x', 'file:///srv/x', 'git://h/a b', 'git://h/a%20b', 'git://h:0/x', 'git://h:70000/x', 'git://h/x\n', 'git://-oProxy/x']) {
      expect(daemonAddress(url), url).toBeUndefined();
    }
  });
});

describe('AdvertisementReader', () => {
  it('reads the refs up to the flush, the first with its capabilities', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const text = pkt(`${a} HEAD\0multi_ack symref=HEAD:refs/heads/main agent=git/2.39\n`) + pkt(`${a} refs/heads/main\n`) + pkt(`${b} refs/tags/v1\n`) + '0000';
    expect(advertisedRefs(Buffer.from(text))).toEqual({ refs: new Map([['HEAD', a], ['refs/heads/main', a], ['refs/tags/v1', b]]), done: true });
    expect(advertisedRefs(Buffer.from(text.slice(0, 60)))).toEqual({ refs: new Map(), done: false });
  });

  it('an error line, a shallow line or what is no pkt-line is no answer', () => {
    for (const text of [pkt('ERR access denied'), pkt(`${'a'.repeat(40)} HEAD\n`) + pkt(`shallow ${'c'.repeat(40)}\n`) + '0000', 'HTTP/1.1 200 OK\r\n', '0003', pkt('version 2\n')]) {
      expect(advertisedRefs(Buffer.from(text)), text).toBeUndefined();
    }
  });

  it('whatever refs are advertised, cut anywhere, reads them all once the flush has arrived', () => {
    const ref = fc.tuple(fc.stringMatching(/^refs\/heads\/[a-z0-9._-]{1,20}$/), fc.stringMatching(/^[0-9a-f]{40}$/));
    fc.assert(
      fc.property(fc.uniqueArray(ref, { selector: ([name]) => name, minLength: 1, maxLength: 20 }), fc.nat(), (refs, cut) => {
        const text = Buffer.from(refs.map(([name, id], i) => pkt(`${id} ${name}${i === 0 ? '\0ofs-delta agent=git/2.39' : ''}\n`)).join('') + '0000');
        const at = cut % text.length;
        expect(advertisedRefs(text.subarray(0, at))?.done).toBe(false);
        expect(advertisedRefs(text)).toEqual({ refs: new Map(refs.map(([name, id]) => [name, id])), done: true });
        // as it arrives: in two pieces, cut anywhere
        const reader = new AdvertisementReader();
        expect(reader.push(text.subarray(0, at))).toBe('more');
        expect(reader.push(text.subarray(at))).toBe('done');
        expect(reader.refs).toEqual(new Map(refs.map(([name, id]) => [name, id])));
      }),
    );
  });
});

describe('daemonCommit', () => {
  let base: string;
  let daemon: Daemon;
  beforeAll(async () => {
    base = tempDir('served');
    await makeMember({ dir: join(base, 'east') });
    g(join(base, 'east'), ['branch', 'spare', 'HEAD~1']);
    daemon = await startDaemon(base, 'east');
  }, 60_000);
  afterAll(() => daemon?.stop());

  it('names the commit HEAD and a branch name, as git ls-remote does', async () => {
    const remote = new Map(g(base, ['ls-remote', daemon.url('east')]).trim().split('\n').map((l) => l.split('\t').reverse() as [string, string]));
    expect(await daemonCommit(daemon.url('east'), 'HEAD', 5000)).toBe(remote.get('HEAD'));
    expect(await daemonCommit(daemon.url('east'), 'refs/heads/spare', 5000)).toBe(remote.get('refs/heads/spare'));
    expect(remote.get('HEAD')).not.toBe(remote.get('refs/heads/spare'));
  });

  it('no answer for a branch it lacks, a repository it does not serve, or nobody listening', async () => {
    expect(await daemonCommit(daemon.url('east'), 'refs/heads/nowhere', 5000)).toBeUndefined();
    expect(await daemonCommit(daemon.url('west'), 'HEAD', 5000)).toBeUndefined();
    expect(await daemonCommit(`git://127.0.0.1:${await freePort()}/east`, 'HEAD', 5000)).toBeUndefined();
  });

  it('a server that sends its refs a byte at a time and never closes: the answer, and the connection ended by the asker', async () => {
    const sha = 'd'.repeat(40);
    const text = Buffer.from(pkt(`${sha} HEAD\0agent=x\n`) + pkt(`${sha} refs/heads/main\n`) + '0000');
    let closed: Promise<void> = Promise.resolve();
    const server = createServer((socket) => {
      closed = new Promise((r) => socket.on('close', () => r()));
      socket.on('error', () => undefined);
      socket.once('data', async () => {
        for (const byte of text) {
          socket.write(Buffer.from([byte]));
          await new Promise((r) => setImmediate(r));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    expect(await daemonCommit(`git://127.0.0.1:${port}/east`, 'refs/heads/main', 5000)).toBe(sha);
    await closed;
    server.close();
  });

  it('no answer from a server that says nothing, once the time is up', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const t = Date.now();
    expect(await daemonCommit(`git://127.0.0.1:${port}/east`, 'HEAD', 300)).toBeUndefined();
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    silent.close();
  });
});
