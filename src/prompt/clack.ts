/**
 * `record`'s questions on a terminal, drawn with @clack: a searchable list for the unit and the
 * item (type part of an id, name or title; ↑↓ and Enter pick), a line of text for the rest, each
 * answer checked as it is given and shown again once accepted. The list is drawn here, on
 * @clack/core's prompt, so that its words are the user's language (@clack/prompts' own list
 * speaks English only). Loaded only when `record` has something to ask. Ctrl-C (or Escape)
 * cancels: QingdanError('cancelled'), exit 130.
 */
import { styleText } from 'node:util';
import { AutocompletePrompt, isCancel } from '@clack/core';
import { limitOptions, S_BAR, S_BAR_END, S_RADIO_ACTIVE, S_RADIO_INACTIVE, symbol, text } from '@clack/prompts';
import { QingdanError } from '../errors.js';
import { recordCatalogue } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import type { Choice, Prompter } from '../io.js';
import { printable } from '../render/width.js';
import { matching } from './choose.js';

interface Shown {
  value: number;
  label: string;
}

export function clackPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, lang: Lang): Prompter {
  const streams = { input: input as NodeJS.ReadStream, output: output as NodeJS.WriteStream };
  const words = recordCatalogue(lang).prompt;
  const answered = <T>(v: T | symbol): T => {
    if (isCancel(v) || typeof v === 'symbol') throw new QingdanError('cancelled', {}, undefined, 130);
    return v;
  };
  return {
    async pick<T>(message: string, choices: readonly Choice<T>[]): Promise<T> {
      // what a search leaves, worked out once per search, not once per choice
      let last: { typed: string; found: Set<number> } | undefined;
      const found = (typed: string) => {
        if (last?.typed !== typed) last = { typed, found: new Set(matching(choices, typed).map((c) => choices.indexOf(c))) };
        return last.found;
      };
      const options: Shown[] = choices.map((c, k) => ({ value: k, label: printable(c.label) }));
      const prompt = new AutocompletePrompt<Shown>({
        ...streams,
        options,
        filter: (typed, option) => found(typed).has(option.value),
        render() {
          const bar = styleText('gray', S_BAR);
          const head = [bar, `${symbol(this.state)}  ${message}`];
          if (this.state === 'submit' || this.state === 'cancel') {
            const picked = options.find((o) => o.value === this.selectedValues[0] || o.value === this.focusedValue);
            const what = this.state === 'submit' ? styleText('dim', picked?.label ?? '') : styleText(['strikethrough', 'dim'], this.userInput);
            return [...head, `${bar}  ${what}`].join('\n');
          }
          const side = `${styleText(this.state === 'error' ? 'yellow' : 'cyan', S_BAR)}  `;
          const n = this.filteredOptions.length;
          const count = n === options.length ? '' : styleText('dim', ` ${words.matches({ n })}`);
          const lines = [...head, `${side}${styleText('dim', words.search({}))} ${this.userInputWithCursor}${count}`];
          if (n === 0) lines.push(`${side}${styleText('yellow', words.noMatch({}))}`);
          const help = `${side}${styleText('dim', words.keys({}))}`;
          const list = limitOptions({
            ...streams,
            cursor: this.cursor,
            options: this.filteredOptions,
            columnPadding: 3,
            rowPadding: lines.length + 2,
            maxItems: 10,
            style: (o: Shown, active: boolean) => (active ? `${styleText('green', S_RADIO_ACTIVE)} ${o.label}` : `${styleText('dim', S_RADIO_INACTIVE)} ${styleText('dim', o.label)}`),
          });
          return [...lines, ...list.map((l) => side + l), help, styleText('cyan', S_BAR_END)].join('\n');
        },
      });
      const v = answered(await prompt.prompt());
      const k: number | undefined = Array.isArray(v) ? v[0] : (v as number | undefined);
      if (k === undefined) throw new QingdanError('cancelled', {}, undefined, 130);
      return choices[k]!.value;
    },
    async text(message: string, opts: { fallback?: string; check?: (answer: string) => string | undefined } = {}): Promise<string> {
      const a = await text({
        ...streams,
        message,
        ...(opts.fallback !== undefined ? { placeholder: opts.fallback, defaultValue: opts.fallback } : {}),
        validate: (v) => (opts.check ? opts.check((v ?? '').trim() || (opts.fallback ?? '')) : undefined),
      });
      return answered<string>(a).trim();
    },
    close() {},
  };
}
