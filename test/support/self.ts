/** The test process as src/io.ts `Self`: what bin.ts gives `main` in a real run. */
import type { Self } from '../../src/io.js';

export const SELF: Self = {
  pid: process.pid,
  alive: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};
