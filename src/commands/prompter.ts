/** The terminal side of `record`'s questions. */
import { createInterface, type Interface } from 'node:readline';
import type { Prompter } from './record.js';

/**
 * Questions on stderr, answers from stdin, one line each. The readline interface is made at the
 * first question, so that a record with every argument given never touches stdin.
 */
export function terminalPrompter(): Prompter & { close(): void } {
  let rl: Interface | undefined;
  let closed = false;
  const lines: string[] = [];
  const waiting: Array<(s: string | undefined) => void> = [];
  const open = () => {
    if (rl) return;
    rl = createInterface({ input: process.stdin, output: process.stderr, terminal: Boolean(process.stdin.isTTY) });
    rl.on('line', (l) => {
      const w = waiting.shift();
      if (w) w(l);
      else lines.push(l);
    });
    // Ctrl-C while asking: stop asking (readline would otherwise only pause)
    rl.on('SIGINT', () => rl?.close());
    rl.on('close', () => {
      closed = true;
      for (const w of waiting.splice(0)) w(undefined);
    });
  };
  return {
    async ask(question: string) {
      open();
      process.stderr.write(question);
      if (lines.length > 0) return lines.shift();
      if (closed) return undefined;
      return new Promise<string | undefined>((res) => waiting.push(res));
    },
    say(text: string) {
      process.stderr.write(`${text}\n`);
    },
    close() {
      rl?.close();
    },
  };
}
