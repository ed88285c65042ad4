/** `qingdan audit [--since REV]`: git history as the audit trail (src/core/audit/, rules in docs/audit.md). Exit 0 clean, 1 violations. */
import { evidenceLinesOf, type EvidenceLine } from '../core/audit/evidence.js';
import { auditHistory } from '../core/audit/history.js';
import { DEFAULT_CLOSE_DAYS } from '../core/audit/registration.js';
import type { LedgerLine } from '../core/entry.js';
import { QingdanError, speaking } from '../errors.js';
import { recordCatalogue } from '../i18n/index.js';
import type { GlobalOptions, Io } from '../io.js';
import { progress } from '../open/progress.js';
import { openRepo } from '../open/repo.js';
import { Interner, parseLedger } from '../parse/ledger.js';
import { parseSettings } from '../parse/templates.js';
import { evidenceHashes, lastChangeOf } from '../read/evidence.js';
import * as git from '../read/git.js';
import { openHistory } from '../read/history.js';
import { renderAudit } from '../render/audit-text.js';

export interface AuditCommandOptions extends GlobalOptions {
  since?: string;
  closeDays?: string;
}

export async function runAudit(opts: AuditCommandOptions, io: Io): Promise<number> {
  // of the ledgers as they are now, only the lines naming evidence are kept: the history is what is walked
  const evidenceLines: EvidenceLine[] = [];
  const repo = await openRepo(opts, io, { each: (ledger) => evidenceLines.push(...evidenceLinesOf(ledger)) });
  return speaking(repo.lang, async () => {
    let closeDays = DEFAULT_CLOSE_DAYS;
    if (opts.closeDays !== undefined) {
      if (!/^\d{1,3}$/.test(opts.closeDays)) throw new QingdanError('bad-option', { option: '--close-days', value: opts.closeDays, hint: '0–999' });
      closeDays = +opts.closeDays;
    }
    const at = { cwd: repo.root, env: io.env };
    const g = git.gitRepoOf(at, true)!;
    let since: string | undefined;
    if (opts.since !== undefined) {
      since = git.resolveCommit({ cwd: g.top, env: io.env }, opts.since);
      if (!since) throw new QingdanError('bad-rev', { rev: opts.since });
    }
    const history = await openHistory(at, g, since);
    const bar = progress(io, (done, total) => repo.messages.ui.auditingCommits({ done, total }));
    try {
      // today's ledger folder, and every one the settings named in the history walked
      // one table of shared strings (units, items, notes) for every line read
      const intern = new Interner();
      const folders = [repo.ledgersDir, ...history.settings.map((bytes) => parseSettings({ file: 'qingdan.yaml', bytes }).settings?.paths?.ledgers ?? 'ledgers')];
      const report = await auditHistory(history, repo.dataset, {
        ...(since ? { since } : {}),
        closeDays,
        folders,
        evidenceLines,
        evidence: evidenceHashes(repo.root, evidenceLines),
        evidenceChange: (path) => lastChangeOf(at, path),
        step: (done, total) => bar.step(done, total),
        parseLines: (file, texts) => {
          const out = new Array<LedgerLine | undefined>(texts.length);
          if (texts.length === 0) return out;
          for (const l of parseLedger(file, `${texts.join('\n')}\n`, intern).lines) out[l.line - 1] = l;
          return out;
        },
      });
      bar.end();
      io.stdout(opts.json ? JSON.stringify({ clean: report.violations.length === 0, ...report }, null, 2) + '\n' : renderAudit(report, repo.color, recordCatalogue(repo.lang)));
      return report.violations.length > 0 ? 1 : 0;
    } finally {
      bar.end();
      history.close();
    }
  });
}
