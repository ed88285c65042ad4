/**
 * A command on a real terminal: a tmux pane (its own server socket, no user configuration) in
 * which a test types keys and reads the screen back — for `record`'s questions, drawn by @clack,
 * which need a terminal and cannot be driven through a pipe.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const socket = `qingdan-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
let panes = 0;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class Pane {
  readonly name = `p${++panes}`;
  private readonly exitFile: string;

  /** Runs `command` (argv) in `cwd` with exactly `env`, on a terminal of 150 × 40. */
  constructor(cwd: string, env: Record<string, string>, command: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'qingdan-tmux-'));
    this.exitFile = join(dir, 'exit');
    const script = join(dir, 'run.sh');
    const exports = Object.entries({ LANG: 'C.UTF-8', TERM: 'xterm-256color', ...env }).map(([k, v]) => `export ${k}=${quote(v)}`);
    // the pane stays open after the command, so that its last screen can be read
    writeFileSync(script, [...exports, `cd ${quote(cwd)}`, command.map(quote).join(' '), `echo $? > ${quote(this.exitFile)}`, 'sleep 60', ''].join('\n'));
    tmux('new-session', '-d', '-s', this.name, '-x', '150', '-y', '40', `sh ${quote(script)}`);
  }

  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.name);
  }

  /** Waits until the screen shows `text`, or `test` holds of it (10 s at most); returns the screen. */
  async until(text: string | RegExp | ((screen: string) => boolean)): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const s = this.screen();
      if (typeof text === 'string' ? s.includes(text) : text instanceof RegExp ? text.test(s) : text(s)) return s;
      if (Date.now() > deadline) throw new Error(`the screen never showed ${String(text)}:\n${s}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  type(text: string): void {
    tmux('send-keys', '-t', this.name, '-l', text);
  }

  press(...keys: string[]): void {
    tmux('send-keys', '-t', this.name, ...keys);
  }

  /** The command's exit code, once it has ended (10 s at most). */
  async exit(): Promise<number> {
    const deadline = Date.now() + 10_000;
    while (!existsSync(this.exitFile) || readFileSync(this.exitFile, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error(`the command did not end:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return Number(readFileSync(this.exitFile, 'utf8').trim());
  }

  close(): void {
    tmux('kill-session', '-t', this.name);
  }
}

/** Ends the tmux server of this test file. */
export function closeTerminals(): void {
  try {
    tmux('kill-server');
  } catch {
    // no server was started
  }
}
