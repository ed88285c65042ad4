/** templateFiles (src/commands/init.ts): the files `qingdan init` writes, for the year asked. */
import { describe, expect, it } from 'vitest';
import { templateFiles } from '../../src/commands/init.js';

describe('templateFiles', () => {
  const embedded = {
    'qingdan.yaml': '# 对应 templates/checklist-2024.yaml\nyear: 2024\n',
    'templates/org.yaml': 'name: x  # 12024 stays\n',
    'templates/checklist-2024.yaml': 'year: 2024\ntitle: 清单（2024年）\nitems:\n  - deadline: 2024-02-29\n  - deadline: 2024-12-31\n  - weight: 20245\n',
  };

  it('rewrites the year of the checklist and the settings, and names the file for it', () => {
    const files = templateFiles(embedded, 2027);
    expect([...files.keys()]).toEqual([
      'qingdan.yaml',
      'templates/org.yaml',
      'templates/checklist-2027.yaml',
      'ledgers/2027/.gitkeep',
      'reports/.gitkeep',
      '.githooks/pre-commit',
    ]);
    expect(files.get('templates/checklist-2027.yaml')).toBe(
      'year: 2027\ntitle: 清单（2027年）\nitems:\n  - deadline: 2027-02-28\n  - deadline: 2027-12-31\n  - weight: 20245\n',
    );
    expect(files.get('qingdan.yaml')).toBe('# 对应 templates/checklist-2027.yaml\nyear: 2027\n');
    expect(files.get('templates/org.yaml')).toBe(embedded['templates/org.yaml']);
  });

  it('keeps 29 February in a leap year', () => {
    expect(templateFiles(embedded, 2028).get('templates/checklist-2028.yaml')).toContain('2028-02-29');
  });
});
