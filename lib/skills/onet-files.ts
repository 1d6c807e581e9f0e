import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { referencePath } from '@/lib/reference-data';

/*
 * Streaming readers of the O*NET 29.3 database files (tab-separated, UTF-8, one header
 * row). Columns are found by header name, so a release that reorders columns still
 * reads; a missing column fails loudly with the file name instead of loading blanks.
 */

export const onetRelease = 'onet-29.3';

export type OnetOccupationRow = { code: string; title: string; description: string };
export type OnetAlternateTitleRow = { code: string; alternateTitle: string; shortTitle: string; sources: string[] };
export type OnetJobZoneRow = { code: string; jobZone: number };
/** One Skills/Knowledge rating: `IM` importance (1–5) or `LV` level (0–7). */
export type OnetRatingRow = { code: string; elementId: string; elementName: string; scaleId: string; dataValue: number; isSuppressed: boolean };
export type OnetTechnologyRow = { code: string; example: string; commodityCode: string; commodityTitle: string; isHotTechnology: boolean; isInDemand: boolean };
export type OnetElementRow = { elementId: string; name: string; description: string };

export const onetFiles = {
  occupations: 'Occupation Data.txt',
  alternateTitles: 'Alternate Titles.from_xlsx.tsv',
  jobZones: 'Job Zones.txt',
  skills: 'Skills.from_xlsx.tsv',
  knowledge: 'Knowledge.from_xlsx.tsv',
  technologySkills: 'Technology Skills.txt',
  contentModel: 'Content Model Reference.txt',
} as const;

export type OnetFile = keyof typeof onetFiles;

export const onetPath = (file: OnetFile) => referencePath(onetRelease, onetFiles[file]);

/** A few text fields (Content Model descriptions) are CSV-quoted with doubled quotes. */
function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}

/** Yields each data row as a lookup by column name; `columns` must all be in the header. */
async function* readTsv<C extends string>(file: OnetFile, columns: readonly C[]): AsyncGenerator<Record<C, string>> {
  const filePath = onetPath(file);
  const lines = createInterface({ input: createReadStream(filePath, { encoding: 'utf8' }), crlfDelay: Infinity });
  let indexes: number[] | undefined;
  for await (const rawLine of lines) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (!indexes) {
      const header = line.replace(/^\uFEFF/, '').split('\t').map((h) => h.trim());
      indexes = columns.map((c) => {
        const i = header.indexOf(c);
        if (i < 0) throw new Error(`${onetFiles[file]}: column "${c}" not found (header: ${header.join(', ')})`);
        return i;
      });
      continue;
    }
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    const row = {} as Record<C, string>;
    columns.forEach((c, k) => {
      row[c] = unquote((cells[indexes![k]!] ?? '').trim());
    });
    yield row;
  }
}

const isYes = (v: string) => v.toUpperCase() === 'Y';

export async function* readOnetOccupations(): AsyncGenerator<OnetOccupationRow> {
  for await (const r of readTsv('occupations', ['O*NET-SOC Code', 'Title', 'Description'])) {
    if (!r['O*NET-SOC Code']) continue;
    yield { code: r['O*NET-SOC Code'], title: r.Title, description: r.Description };
  }
}

export async function* readOnetAlternateTitles(): AsyncGenerator<OnetAlternateTitleRow> {
  for await (const r of readTsv('alternateTitles', ['O*NET-SOC Code', 'Alternate Title', 'Short Title', 'Source(s)'])) {
    if (!r['O*NET-SOC Code'] || !r['Alternate Title']) continue;
    yield { code: r['O*NET-SOC Code'], alternateTitle: r['Alternate Title'], shortTitle: r['Short Title'], sources: r['Source(s)'].split(',').map((s) => s.trim()).filter(Boolean) };
  }
}

export async function* readOnetJobZones(): AsyncGenerator<OnetJobZoneRow> {
  for await (const r of readTsv('jobZones', ['O*NET-SOC Code', 'Job Zone'])) {
    const jobZone = Number(r['Job Zone']);
    if (!r['O*NET-SOC Code'] || !Number.isInteger(jobZone)) continue;
    yield { code: r['O*NET-SOC Code'], jobZone };
  }
}

/** Every row of `Skills` or `Knowledge`, both scales; see `isImportanceRating` for the ones to load. */
export async function* readOnetRatings(file: 'skills' | 'knowledge'): AsyncGenerator<OnetRatingRow> {
  for await (const r of readTsv(file, ['O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', 'Data Value', 'Recommend Suppress'])) {
    if (!r['O*NET-SOC Code'] || !r['Element ID']) continue;
    yield {
      code: r['O*NET-SOC Code'],
      elementId: r['Element ID'],
      elementName: r['Element Name'],
      scaleId: r['Scale ID'],
      dataValue: Number(r['Data Value']),
      isSuppressed: isYes(r['Recommend Suppress']),
    };
  }
}

/** O*NET advises against using suppressed estimates (too few respondents or too much error). */
export const isImportanceRating = (r: OnetRatingRow) => r.scaleId === 'IM' && !r.isSuppressed && Number.isFinite(r.dataValue);

export async function* readOnetTechnologySkills(): AsyncGenerator<OnetTechnologyRow> {
  for await (const r of readTsv('technologySkills', ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'])) {
    if (!r['O*NET-SOC Code'] || !r.Example) continue;
    yield {
      code: r['O*NET-SOC Code'],
      example: r.Example,
      commodityCode: r['Commodity Code'],
      commodityTitle: r['Commodity Title'],
      isHotTechnology: isYes(r['Hot Technology']),
      isInDemand: isYes(r['In Demand']),
    };
  }
}

/** Element ID → name and description for every content-model element (skills, knowledge…). */
export async function* readOnetContentModel(): AsyncGenerator<OnetElementRow> {
  for await (const r of readTsv('contentModel', ['Element ID', 'Element Name', 'Description'])) {
    if (!r['Element ID']) continue;
    yield { elementId: r['Element ID'], name: r['Element Name'], description: r.Description };
  }
}
