// The JSON Schema files editors use to complete and check the YAML (yaml-language-server).
import { z } from 'zod';
import { Checklist, Organisation, Settings } from '../src/core/model.js';

const json = (schema: z.ZodType, id: string) => ({
  $id: `https://qingdan.invalid/schemas/${id}.schema.json`,
  ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
});

export const schemas = {
  settings: json(Settings, 'settings'),
  org: json(Organisation, 'org'),
  checklist: json(Checklist, 'checklist'),
};
