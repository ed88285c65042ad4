/** commander's own messages in the user's language (src/i18n/commander.ts), through main as a user meets them. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { SELF } from '../support/self.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd: '/', stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, self: SELF });
  return { code, stdout, stderr };
}

describe('commander’s errors and help follow the language', () => {
  const cases: Array<[string[], string, string]> = [
    [['frob'], 'qingdan: 未知的命令“frob”（qingdan --help 列出全部命令）\n', "qingdan: unknown command 'frob'\n"],
    [['chek'], 'qingdan: 未知的命令“chek”；是否想写“check”？\n', "qingdan: unknown command 'chek' (Did you mean check?)\n"],
    [['report'], 'qingdan: 缺少参数 kind（加 --help 查看用法）\n', "qingdan: missing required argument 'kind'\n"],
    [['check', 'extra'], 'qingdan: check 的参数太多：应有 0 个，给了 1 个（含空格的备注请加引号）\n', "qingdan: too many arguments for 'check'. Expected 0 arguments but got 1.\n"],
    [['check', '--jsn'], 'qingdan: 未知的选项“--jsn”；是否想写“--json”？\n', "qingdan: unknown option '--jsn'\n(Did you mean --json?)\n"],
    [['report', 'monthly', '--month'], 'qingdan: 选项 --month <YYYY-MM> 缺少取值\n', "qingdan: option '--month <YYYY-MM>' argument missing\n"],
  ];
  for (const [argv, zh, en] of cases) {
    it(`qingdan ${argv.join(' ')}`, async () => {
      const z = await run(argv);
      expect([z.code, z.stdout, z.stderr]).toEqual([2, '', zh]);
      const e = await run(['--lang', 'en', ...argv]);
      expect([e.code, e.stderr.replace(/\n\(Did/, ' (Did')]).toEqual([2, en.replace(/\n\(Did/, ' (Did')]);
    });
  }

  it('--help headings in Chinese by default, in English with --lang en', async () => {
    const z = await run(['check', '--help']);
    expect(z.code).toBe(0);
    expect(z.stdout).toMatch(/^用法： qingdan check/);
    expect(z.stdout).toContain('选项：');
    const e = await run(['--lang', 'en', 'check', '--help']);
    expect(e.stdout).toMatch(/^Usage: qingdan check/);
    expect(e.stdout).toContain('Options:');
  });
});
