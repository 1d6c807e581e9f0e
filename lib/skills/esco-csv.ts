import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { referencePath } from '@/lib/reference-data';

/*
 * Streaming readers of the official ESCO v1.1.1 CSV release (comma CSV, RFC 4180 quoting;
 * altLabels/hiddenLabels hold several labels separated by newlines inside one field).
 */

export type EscoSkillRow = {
  uri: string;
  preferredLabel: string;
  altLabels: string[];
  hiddenLabels: string[];
  skillType: 'skill/competence' | 'knowledge' | string;
  reuseLevel: string;
  description: string;
};

export type EscoOccupationRow = { uri: string; code: string; iscoGroup: string; preferredLabel: string; altLabels: string[]; description: string };
export type EscoRelationRow = { occupationUri: string; skillUri: string; relationType: 'essential' | 'optional' };

const splitLabels = (value: string | undefined) =>
  (value ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

async function* readCsv(file: string): AsyncGenerator<Record<string, string>> {
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, relax_quotes: false, skip_empty_lines: true }));
  for await (const record of parser as AsyncIterable<Record<string, string>>) yield record;
}

export async function* readEscoSkills(): AsyncGenerator<EscoSkillRow> {
  for await (const r of readCsv(referencePath('esco-v1.1.1', 'skills_en.csv'))) {
    if (!r.conceptUri || !r.preferredLabel) continue;
    yield {
      uri: r.conceptUri,
      preferredLabel: r.preferredLabel.trim(),
      altLabels: splitLabels(r.altLabels),
      hiddenLabels: splitLabels(r.hiddenLabels),
      skillType: r.skillType ?? '',
      reuseLevel: r.reuseLevel ?? '',
      description: (r.description || r.definition || '').trim(),
    };
  }
}

export async function* readEscoOccupations(): AsyncGenerator<EscoOccupationRow> {
  for await (const r of readCsv(referencePath('esco-v1.1.1', 'occupations_en.csv'))) {
    if (!r.conceptUri || !r.preferredLabel) continue;
    yield { uri: r.conceptUri, code: r.code ?? '', iscoGroup: r.iscoGroup ?? '', preferredLabel: r.preferredLabel.trim(), altLabels: splitLabels(r.altLabels), description: (r.description || r.definition || '').trim() };
  }
}

export async function* readEscoOccupationSkills(): AsyncGenerator<EscoRelationRow> {
  for await (const r of readCsv(referencePath('esco-v1.1.1', 'occupationSkillRelations.csv'))) {
    if (r.relationType !== 'essential' && r.relationType !== 'optional') continue;
    yield { occupationUri: r.occupationUri!, skillUri: r.skillUri!, relationType: r.relationType };
  }
}
