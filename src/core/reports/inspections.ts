/** Inspection findings as report rows: who, what, how many points, by whom, and their rectification. */
import type { Dataset } from '../dataset.js';
import type { Finding, FindingStatus } from '../findings.js';

export interface InspectionRow {
  /** The finding's id, for the line that records its rectification (rectifies:). */
  id?: string;
  date: string;
  subject: string;
  subjectName: string;
  /** The item's id, or the area's when the finding is against the area as a whole. */
  item: string;
  title: string;
  points: number;
  reason?: string;
  inspector: { id: string; name: string };
  rectifyBy?: string;
  status: FindingStatus;
  rectifiedOn?: string;
}

export function inspectionRows(ds: Dataset, findings: readonly Finding[], keep: (subjectKey: string) => boolean): InspectionRow[] {
  const org = ds.org.value;
  const name = (key: string): [string, string] => {
    const [kind, id] = key.includes(':') ? (key.split(':') as [string, string]) : ['org', 'org'];
    if (kind === 'unit') return [id, org.units.find((u) => u.id === id)?.name ?? id];
    if (kind === 'person') return [id, org.people.find((p) => p.id === id)?.name ?? id];
    return ['org', ds.settings.org ?? org.name];
  };
  return findings
    .filter((f) => keep(f.subjectKey))
    .map((f) => {
      const [subject, subjectName] = name(f.subjectKey);
      return {
        ...(f.id !== undefined ? { id: f.id } : {}),
        date: f.date,
        subject,
        subjectName,
        item: f.item?.id ?? f.area.id,
        title: f.item?.title ?? f.area.name,
        points: f.points,
        ...(f.reason !== undefined ? { reason: f.reason } : {}),
        inspector: { id: f.inspector, name: org.people.find((p) => p.id === f.inspector || p.name === f.inspector)?.name ?? f.inspector },
        ...(f.rectifyBy !== undefined ? { rectifyBy: f.rectifyBy } : {}),
        status: f.status,
        ...(f.rectifiedOn !== undefined ? { rectifiedOn: f.rectifiedOn } : {}),
      };
    });
}
