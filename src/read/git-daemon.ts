/**
 * Which commit a member's `git://` server has, asked without starting git: the server's ref
 * advertisement (protocol v0, git's pack-protocol.txt), read and answered with a flush, so that
 * the server sends nothing more. `rollup fetch` asks this first, and skips `git fetch` (three
 * processes: git, its connectivity check, the server's upload-pack) when the member is where it
 * was. Nothing is moved this way: what is fetched is always fetched by git.
 *
 * Anything unexpected (another transport, a path with characters git would quote, an error line,
 * a shallow repository, more than MAX_BYTES, a closed connection, the time limit) is no answer,
 * and the caller fetches as it would have.
 */
import { connect } from 'node:net';

/** An advertisement larger than this (a repository with many tags) is not read to its end. */
const MAX_BYTES = 1 << 20;

const REF_LINE = /^([0-9a-f]{40}|[0-9a-f]{64}) ([^\0\n]+)(?:\0[^\n]*)?\n?$/;

/** Where a `git://` URL points: host, port and the path git sends; undefined for any other URL. */
export function daemonAddress(url: string): { host: string; port: number; path: string } | undefined {
  const m = /^git:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(?::(\d{1,5}))?(\/[A-Za-z0-9._~/-]*)$/.exec(url);
  if (!m) return undefined;
  const port = m[2] === undefined ? 9418 : Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port, path: m[3]! };
}

/** One pkt-line: four hex digits of length (the four included), then the payload. */
function pktLine(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, '0'), 'latin1'), body]);
}

/**
 * Reads a ref advertisement as it arrives, each pkt-line once: `push` says whether the flush that
 * ends it has come (`done`), more is needed, or what came is no advertisement this code answers
 * ("ERR …", "shallow …", "version …", anything that is no pkt-line).
 */
export class AdvertisementReader {
  readonly refs = new Map<string, string>();
  private pending = Buffer.alloc(0);

  push(chunk: Buffer): 'done' | 'more' | 'bad' {
    let bytes = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (bytes.length >= 4) {
      const head = bytes.toString('latin1', 0, 4);
      if (!/^[0-9a-f]{4}$/.test(head)) return 'bad';
      const n = parseInt(head, 16);
      if (n === 0) return 'done';
      if (n < 4) return 'bad';
      if (n > bytes.length) break;
      const ref = REF_LINE.exec(bytes.toString('utf8', 4, n));
      if (!ref) return 'bad';
      this.refs.set(ref[2]!, ref[1]!);
      bytes = bytes.subarray(n);
    }
    this.pending = Buffer.from(bytes);
    return 'more';
  }
}

/**
 * The commit `source` (`HEAD` or `refs/heads/<branch>`) names on the `git://` server of `url`,
 * or undefined when it cannot be told this way (see above). Never rejects.
 */
export function daemonCommit(url: string, source: string, timeoutMs: number): Promise<string | undefined> {
  const at = daemonAddress(url);
  if (!at) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const reader = new AdvertisementReader();
    let size = 0;
    let settled = false;
    const socket = connect({ host: at.host, port: at.port });
    const finish = (commit: string | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // a flush says "nothing wanted": the server's upload-pack ends at once; the socket is
      // destroyed once it is written, whether or not the server closes its side
      if (commit !== undefined && socket.writable) socket.end(Buffer.from('0000', 'latin1'), () => socket.destroy());
      else socket.destroy();
      resolve(commit);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on('connect', () => {
      const hostParam = at.port === 9418 ? at.host : `${at.host.includes(':') ? `[${at.host}]` : at.host}:${at.port}`;
      socket.write(pktLine(`git-upload-pack ${at.path}\0host=${hostParam}\0`));
    });
    socket.on('data', (d: Buffer) => {
      if (settled) return;
      size += d.length;
      if (size > MAX_BYTES) return finish(undefined);
      const said = reader.push(d);
      if (said === 'bad') finish(undefined);
      else if (said === 'done') finish(reader.refs.get(source));
    });
    socket.on('error', () => finish(undefined));
    socket.on('close', () => finish(undefined));
  });
}
