/** The terminal side of `record`'s questions: questions on `output`, answers from `input`, a line each. */
import { createInterface, type Interface } from 'node:readline';
import type { Prompter } from '../io.js';

/** The readline interface is made at the first question, so a record with every argument given never reads `input`. */
export function terminalPrompter(input: NodeJS.ReadableStream & { isTTY?: boolean }, output: NodeJS.WritableStream): Prompter {
  let rl: Interface | undefined;
  let closed = false;
  const lines: string[] = [];
  const waiting: Array<(s: string | undefined) => void> = [];
  const open = () => {
    if (rl) return;
    rl = createInterface({ input, output, terminal: Boolean(input.isTTY) });
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
      output.write(question);
      if (lines.length > 0) return lines.shift();
      if (closed) return undefined;
      return new Promise<string | undefined>((res) => waiting.push(res));
    },
    say(text: string) {
      output.write(`${text}\n`);
    },
    close() {
      rl?.close();
    },
  };
}
