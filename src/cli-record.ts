/**
 * The commands that write to or inspect the history of a data repository: init, list, record,
 * void, audit. Registered on the program by cli.ts.
 */
import type { Command } from 'commander';
import type { Io } from './commands/context.js';

export function registerRecordCommands(cli: Command, io: Io, run: (code: number) => void): void {
  void cli;
  void io;
  void run;
}
