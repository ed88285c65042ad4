/**
 * Members judged on worker threads (node:worker_threads), as many at a time as there are cores: a
 * member's parsing, checks, audit and evaluation are CPU work, and each runs alone on its thread.
 * A member that takes longer than the limit has its worker ended (and a fresh one started): it is
 * shown as timed out, the others go on. Each worker loads the same bundle as the command
 * (dist/lib/qingdan.cjs) and waits for members to judge; outside the bundle (unit tests, tsx) the
 * members are judged on the main thread, without a limit.
 */
import { Worker } from 'node:worker_threads';
import type { Env } from '../read/git.js';
import { judgeMember, type EvaluateSpec, type Judged } from './member.js';

export interface Job {
  repo: string;
  commit: string;
  spec: EvaluateSpec;
  env: Env;
}

export interface Judge {
  judge(job: Job): Promise<Judged>;
  close(): Promise<void>;
}

/**
 * The young generation of a worker's heap, where a member's lines and entries are made and die: at
 * V8's default, a member's evaluation spends about a tenth of its time in scavenges. Bigger, it
 * costs about 12 % less CPU for some 30 MiB more (docs/performance.md, "Roll-up").
 */
const YOUNG_MB = 96;

interface Slot {
  worker: Worker;
  busy: boolean;
}

type Reply = { judged: Judged } | { error: string };

/** The bundle this code runs from, when it runs from one (a CommonJS file): what a worker loads. */
function bundle(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;
}

const inProcess: Judge = {
  judge: (job) => judgeMember(job.repo, job.commit, job.spec, job.env),
  close: async () => undefined,
};

export function workerJudge(size: number, timeoutMs: number): Judge {
  const file = bundle();
  if (!file || size < 1) return inProcess;
  const start = (): Slot => ({
    worker: new Worker(`require(${JSON.stringify(file)}).rollupWorker()`, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } }),
    busy: false,
  });
  const slots: Slot[] = [];
  const waiting: Array<() => void> = [];
  // once closed, no worker starts: a member still waiting (one judged while fetching, then not needed) is told so
  let closed = false;
  /** A worker with nothing to do, taken at once: members asked for in the same tick never share one. */
  const take = async (): Promise<Slot | undefined> => {
    for (;;) {
      if (closed) return undefined;
      const idle = slots.find((s) => !s.busy) ?? (slots.length < size ? slots[slots.push(start()) - 1] : undefined);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  const release = (s: Slot) => {
    s.busy = false;
    waiting.shift()?.();
  };
  return {
    async judge(job) {
      const slot = await take();
      if (!slot) return { ok: false, reason: 'failed', detail: 'closed', audit: { audit: 'not-run' } };
      return new Promise<Judged>((resolve) => {
        const w = slot.worker;
        const done = (judged: Judged) => {
          clearTimeout(timer);
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
          resolve(judged);
        };
        const replace = () => {
          const i = slots.indexOf(slot);
          if (i !== -1) slots.splice(i, 1);
          void w.terminate();
          waiting.shift()?.();
        };
        const onMessage = (r: Reply) => {
          done('judged' in r ? r.judged : { ok: false, reason: 'failed', detail: r.error, audit: { audit: 'not-run' } });
          release(slot);
        };
        const onError = (e: Error) => {
          done({ ok: false, reason: 'failed', detail: e.message, audit: { audit: 'not-run' } });
          replace();
        };
        const onExit = () => {
          done({ ok: false, reason: 'failed', detail: 'worker ended', audit: { audit: 'not-run' } });
          replace();
        };
        const timer = setTimeout(() => {
          done({ ok: false, reason: 'timeout', detail: `${Math.round(timeoutMs / 1000)} s`, audit: { audit: 'not-run' } });
          replace();
        }, timeoutMs);
        w.on('message', onMessage);
        w.once('error', onError);
        w.once('exit', onExit);
        w.postMessage(job);
      });
    },
    async close() {
      closed = true;
      for (const wake of waiting.splice(0)) wake();
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

/** The worker's side: judge each member the main thread sends, and answer. */
export async function serveJudgements(): Promise<void> {
  const { parentPort } = await import('node:worker_threads');
  if (!parentPort) return;
  const port = parentPort;
  port.on('message', (job: Job) => {
    judgeMember(job.repo, job.commit, job.spec, job.env).then(
      (judged) => port.postMessage({ judged } satisfies Reply),
      (e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies Reply),
    );
  });
}
