import type { ProgramInputRaw } from '@/lib/catalog/program-schema';
import { isValidIscedCode } from '@/lib/catalog/isced-f';
import { type CredentialType, type DeliveryMode, isCurrencyCode, languageName } from '@/lib/catalog/vocabulary';
import { countries, isValidCountry, isValidRegion, subdivisions, subdivisionsOf } from '@/lib/geo/regions';

/*
 * Credential Engine Registry CTDL (JSON-LD) → Credpath program inputs. Pure: no DB, no
 * network. References ("@id", "_:b0" blank nodes, Registry URIs or bare CTIDs) are
 * resolved only inside the document given, so an organisation that lives in its own
 * Registry resource must be included in the upload (as a @graph node or an array entry).
 *
 * Accepted shapes: one CTDL object; an array of them; a Registry graph document
 * { "@context", "@graph": [...] }; Registry envelopes { "decoded_resource": ... }; and
 * arrays mixing these. Each top-level entry is numbered from 1 (the `index` / `row`).
 *
 * Mapping decisions (CTDL class → credentialType):
 *   Certificate                    → professional_certificate ("MicroMasters" → micromasters,
 *                                    "nanodegree" → nano_degree, "bootcamp" → bootcamp)
 *   CertificateOfCompletion        → short_course (it records completing learning, usually a course)
 *   MicroCredential                → short_course unless the name says badge/certificate/…: CTDL's
 *                                    class says only "micro-credential", and most are short assessed courses
 *   Course, LearningOpportunityProfile, LearningProgram → short_course (or bootcamp/micromasters/nano_degree by name)
 *   Badge, DigitalBadge, OpenBadge → digital_badge;  Certification → certification;  License → licence
 * Degrees, diplomas and doctorates are skipped without a message: they are what
 * micro-credentials stack into, and still name the targets of isPartOf / hasPart.
 * Other credential or learning classes (ApprenticeshipCertificate, AssessmentProfile, …)
 * give an error row on '@type'. Organisations, places and profiles are not programs and
 * are skipped silently.
 */

export type CtdlRecord = { index: number; input: ProgramInputRaw; warnings: string[] };
export type CtdlError = { row: number; field: string; message: string };

type Node = Record<string, unknown>;
type Doc = { byId: Map<string, Node>; byCtid: Map<string, Node>; parentsOf: Map<Node, Node[]> };
type Warn = (message: string) => void;

/* ——— Classes ——— */

const credentialTypeByClass: Record<string, CredentialType> = {
  Certificate: 'professional_certificate',
  CertificateOfCompletion: 'short_course',
  MicroCredential: 'short_course',
  Course: 'short_course',
  LearningOpportunityProfile: 'short_course',
  LearningProgram: 'short_course',
  Badge: 'digital_badge',
  DigitalBadge: 'digital_badge',
  OpenBadge: 'digital_badge',
  Certification: 'certification',
  License: 'licence',
};
const supportedClasses = Object.keys(credentialTypeByClass);
const learningClasses = new Set(['Course', 'LearningOpportunityProfile', 'LearningProgram']);
/** Classes whose type the name may refine (a badge or licence stays what CTDL says it is). */
const nameRefinedClasses = new Set(['Certificate', 'CertificateOfCompletion', 'MicroCredential', ...learningClasses]);

const isDegreeClass = (cls: string) => /(Degree|Doctorate|Diploma)$/.test(cls) || cls === 'GeneralEducationDevelopment';
/** Credential or learning classes Credpath does not list: reported, not silently dropped. */
const isProgramLikeClass = (cls: string) =>
  /(Certificate|Credential|Certification|License|Badge)$/.test(cls) || /^(Assessment|AssessmentProfile|LearningOpportunity|LearningResource)$/.test(cls);

/** 'ceterms:Certificate', 'https://purl.org/ctdl/terms/Certificate' or 'Certificate' → 'Certificate'. */
function classOf(node: Node): string | undefined {
  const types = toArray(node['@type']).filter((t): t is string => typeof t === 'string');
  const local = types.map((t) => t.replace(/^ceterms:/, '').replace(/^https?:\/\/purl\.org\/ctdl\/terms\//, ''));
  return local.find((t) => t in credentialTypeByClass) ?? local[0];
}

/* ——— JSON-LD value helpers ——— */

const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const toArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const uniqueCi = (values: string[]) => {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && !!seen.add(v.toLowerCase()));
};

/** Language maps: en-US, then en, then any en-*, then the first language given. */
function pickLanguage(map: Node): unknown {
  const entries = Object.entries(map).map(([k, v]) => [k.toLowerCase(), v] as const);
  const find = (test: (k: string) => boolean) => entries.find(([k]) => test(k))?.[1];
  return find((k) => k === 'en-us') ?? find((k) => k === 'en') ?? find((k) => k.startsWith('en-')) ?? entries[0]?.[1];
}

/** `[{ "@language": "fr", "@value": ".." }]` is a language map written as a list. */
function asLanguageMap(values: unknown[]): Node | undefined {
  if (!values.length || !values.every((v) => isObject(v) && typeof v['@language'] === 'string')) return undefined;
  return Object.fromEntries(values.map((v) => [(v as Node)['@language'] as string, (v as Node)['@value']]));
}

/** Every string a value holds, in its best language. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) {
    const map = asLanguageMap(value);
    return map ? texts(pickLanguage(map)) : value.flatMap(texts);
  }
  if (!isObject(value)) return [];
  if ('@value' in value) return texts(value['@value']);
  if ('@id' in value || '@type' in value) return [];
  return texts(pickLanguage(value));
}

const text = (value: unknown): string | undefined => texts(value)[0];

function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim()) {
    const n = Number(value.trim().replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (Array.isArray(value)) return num(value[0]);
  if (isObject(value) && '@value' in value) return num(value['@value']);
  return undefined;
}

function bool(value: unknown): boolean | undefined {
  const v = Array.isArray(value) ? value[0] : isObject(value) && '@value' in value ? value['@value'] : value;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

function httpUrl(value: unknown): string | undefined {
  const candidate = text(value) ?? (isObject(value) && typeof value['@id'] === 'string' ? value['@id'] : undefined);
  if (!candidate) return undefined;
  try {
    return /^https?:$/.test(new URL(candidate).protocol) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** Cuts at a word boundary, so a clipped label still reads. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  return `${cut.replace(/\s+\S*$/, '') || cut}…`;
}

const ctidPattern = /\bce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const ctidIn = (s: string): string | undefined => s.match(ctidPattern)?.[0].toLowerCase();

/** Lowercase letters only: 'deliveryType:InPerson', 'In person' and 'in-person' all become 'inperson'. */
const conceptKey = (s: string) => (s.split(/[:#/]/).pop() ?? s).toLowerCase().replace(/[^a-z]/g, '');

/** Concept values: plain strings, or CredentialAlignmentObjects (targetNode and targetNodeName). */
function conceptTerms(value: unknown): string[] {
  return toArray(value).flatMap((v) => {
    if (typeof v === 'string') return [v];
    if (!isObject(v)) return [];
    const node = typeof v['ceterms:targetNode'] === 'string' ? [v['ceterms:targetNode'] as string] : [];
    return [...node, ...texts(v['ceterms:targetNodeName'])];
  });
}

/** 'assessMethod:Exam' → 'Exam'; a CredentialAlignmentObject → its targetNodeName. */
function conceptLabel(value: unknown): string | undefined {
  if (isObject(value)) return text(value['ceterms:targetNodeName']) ?? conceptLabel(value['ceterms:targetNode']);
  if (typeof value !== 'string') return undefined;
  const local = value.split(/[:#/]/).pop() ?? value;
  const spaced = local.replace(/([a-z])([A-Z])/g, '$1 $2');
  return spaced ? spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase() : undefined;
}

/* ——— Documents and references ——— */

/** Flattens arrays, @graph documents and Registry envelopes into the list of top-level entries. */
function topLevelEntries(json: unknown): unknown[] {
  if (Array.isArray(json)) return json.flatMap(topLevelEntries);
  if (!isObject(json)) return [json];
  if (isObject(json.decoded_resource) || Array.isArray(json.decoded_resource)) return topLevelEntries(json.decoded_resource);
  if (Array.isArray(json['@graph'])) return json['@graph'];
  return [json];
}

/** Indexes every node that carries an @id or a CTID, embedded ones included, so references resolve anywhere. */
function indexDocument(entries: unknown[]): Doc {
  const doc: Doc = { byId: new Map(), byCtid: new Map(), parentsOf: new Map() };
  const visit = (value: unknown, depth: number) => {
    if (depth > 8) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    if (!isObject(value)) return;
    const id = typeof value['@id'] === 'string' ? value['@id'] : undefined;
    const isStub = Object.keys(value).every((k) => k === '@id' || k === '@type');
    if (id && !isStub && !doc.byId.has(id)) doc.byId.set(id, value);
    const ctid = text(value['ceterms:ctid']) ?? (id ? ctidIn(id) : undefined);
    if (ctid && !isStub && !doc.byCtid.has(ctid.toLowerCase())) doc.byCtid.set(ctid.toLowerCase(), value);
    for (const [key, v] of Object.entries(value)) if (key !== '@context') visit(v, depth + 1);
  };
  visit(entries, 0);
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    for (const ref of toArray(entry['ceterms:hasPart'])) {
      const part = resolve(ref, doc).node;
      if (part && part !== entry) doc.parentsOf.set(part, [...(doc.parentsOf.get(part) ?? []), entry]);
    }
  }
  return doc;
}

/** A reference as a node of this document (or the embedded node itself), plus the id it was given by. */
function resolve(ref: unknown, doc: Doc): { node?: Node; id?: string } {
  if (typeof ref === 'string') {
    const ctid = ctidIn(ref);
    return { node: doc.byId.get(ref) ?? (ctid ? doc.byCtid.get(ctid) : undefined), id: ref };
  }
  if (!isObject(ref)) return {};
  const id = typeof ref['@id'] === 'string' ? ref['@id'] : undefined;
  const isStub = Object.keys(ref).every((k) => k === '@id' || k === '@type');
  if (!isStub) return { node: ref, id };
  return id ? resolve(id, doc) : {};
}

const nodeName = (node: Node) => text(node['ceterms:name']) ?? text(node['ceasn:name']);

/** How to name a referenced resource: its name if the document has it, else its CTID, else its URI. */
function referenceLabel(ref: unknown, doc: Doc): string | undefined {
  const { node, id } = resolve(ref, doc);
  const name = node && nodeName(node);
  if (name) return name;
  const ctid = (node && text(node['ceterms:ctid'])) ?? (id ? ctidIn(id) : undefined);
  if (ctid) return ctid;
  return id && !id.startsWith('_:') ? id : undefined;
}

/* ——— Places ——— */

const normaliseName = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();

/** Spellings the Registry uses that are not ISO's short names (addressCountry is free text there). */
const countryAliases: Record<string, string> = {
  'United States of America': 'US', USA: 'US', 'U.S.': 'US', 'U.S.A.': 'US',
  UK: 'GB', 'U.K.': 'GB', 'Great Britain': 'GB', Britain: 'GB', England: 'GB', Scotland: 'GB', Wales: 'GB', 'Northern Ireland': 'GB',
  'United Kingdom of Great Britain and Northern Ireland': 'GB', 'Republic of Korea': 'KR', Korea: 'KR', Russia: 'RU', 'Russian Federation': 'RU',
  'Viet Nam': 'VN', Turkey: 'TR', 'Czech Republic': 'CZ', Holland: 'NL', 'The Netherlands': 'NL', UAE: 'AE',
  // ISO alpha-3 codes of the places Credpath's catalogue centres on.
  CAN: 'CA', GBR: 'GB', AUS: 'AU', NZL: 'NZ', IRL: 'IE', MYS: 'MY', PHL: 'PH', SGP: 'SG', IND: 'IN', DEU: 'DE', FRA: 'FR',
};

let countryIndex: Map<string, string> | undefined;
function countryNameIndex(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const intlNames = new Intl.DisplayNames(['en'], { type: 'region' });
  const index = new Map<string, string>();
  for (const c of countries) {
    index.set(normaliseName(c.name), c.code);
    const intlName = intlNames.of(c.code);
    if (intlName && intlName !== c.code) index.set(normaliseName(intlName), c.code);
  }
  for (const [alias, code] of Object.entries(countryAliases)) index.set(normaliseName(alias), code);
  return (countryIndex = index);
}

/** ISO 3166-1 alpha-2 from a code or an English country name. */
export function countryCodeFrom(raw: string): string | undefined {
  const value = raw.trim();
  if (/^[a-z]{2}$/i.test(value) && isValidCountry(value.toUpperCase())) return value.toUpperCase();
  return countryNameIndex().get(normaliseName(value));
}

/**
 * ISO 3166-2 from 'CA-ON', 'ON' (with the country known) or 'Ontario'. Without a country, a
 * name or bare code is accepted only when exactly one listed subdivision matches.
 */
export function regionCodeFrom(raw: string, country?: string): string | undefined {
  const upper = raw.trim().toUpperCase();
  if (isValidRegion(upper)) return upper;
  if (country && isValidRegion(`${country}-${upper}`)) return `${country}-${upper}`;
  const key = normaliseName(raw);
  const byName = (country ? subdivisionsOf(country) : subdivisions).filter((s) => normaliseName(s.name) === key);
  if (byName.length === 1) return byName[0]!.code;
  if (country || !/^[A-Z0-9]{1,3}$/.test(upper)) return undefined;
  const byCode = subdivisions.filter((s) => s.code.endsWith(`-${upper}`));
  return byCode.length === 1 ? byCode[0]!.code : undefined;
}

type PlaceFields = { country?: string; region?: string; city?: string; latitude?: number; longitude?: number };

function mapPlace(place: Node, warn: Warn, label: string): PlaceFields {
  const out: PlaceFields = {};
  const countryText = text(place['ceterms:addressCountry']);
  if (countryText) {
    out.country = countryCodeFrom(countryText);
    if (!out.country) warn(`${label}: country “${countryText}” is not a known country; left out.`);
  }
  const regionText = text(place['ceterms:addressRegion']);
  if (regionText) {
    const region = regionCodeFrom(regionText, out.country);
    if (!region) warn(`${label}: region “${regionText}” is not a known ISO 3166-2 subdivision${out.country ? ` of ${out.country}` : ''}; left out.`);
    else if (out.country && !region.startsWith(`${out.country}-`)) warn(`${label}: region ${region} is not in ${out.country}; left out.`);
    else {
      out.region = region;
      out.country ??= region.slice(0, region.indexOf('-'));
    }
  }
  const city = text(place['ceterms:addressLocality']);
  if (city) out.city = clip(city, 120);
  const latitude = num(place['ceterms:latitude']);
  const longitude = num(place['ceterms:longitude']);
  if (latitude !== undefined && longitude !== undefined && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) Object.assign(out, { latitude, longitude });
  else if (latitude !== undefined || longitude !== undefined) warn(`${label}: latitude/longitude incomplete or out of range; left out.`);
  return out;
}

/* ——— Provider ——— */

type Provider = { providerName?: string; providerCountry?: string; providerWebsite?: string };

/** Organisation references that did not resolve, for the error message. */
function missingOrganisations(node: Node, doc: Doc): string[] {
  const refs = [...toArray(node['ceterms:ownedBy']), ...toArray(node['ceterms:offeredBy'])];
  return refs.flatMap((r): string[] => {
    const { id } = resolve(r, doc);
    return id ? [id] : [];
  });
}

/** The first owning, else offering, organisation that has a name in this document. */
function mapProvider(node: Node, doc: Doc): Provider {
  const refs = [...toArray(node['ceterms:ownedBy']), ...toArray(node['ceterms:offeredBy'])];
  const org = refs.map((r) => resolve(r, doc).node).find((n) => n && nodeName(n));
  if (!org) return {};
  const provider: Provider = { providerName: clip(nodeName(org)!, 200), providerWebsite: httpUrl(org['ceterms:subjectWebpage']) };
  for (const ref of toArray(org['ceterms:address'])) {
    const address = resolve(ref, doc).node;
    const country = address && mapPlace(address, () => {}, 'Organisation address').country;
    if (country) return { ...provider, providerCountry: country };
  }
  return provider;
}

/* ——— Delivery ——— */

const selfPacedHints = new Set(['selfpaced', 'prerecorded', 'ondemand', 'openentryexit']);
const scheduledHints = new Set(['lecture', 'seminar', 'weekly', 'multipleperweek', 'daytime', 'evening', 'weekdays', 'weekends', 'synchronous']);

function onlineMode(node: Node): { mode: DeliveryMode; isSelfPaced: boolean } {
  const hints = ['ceterms:learningMethodType', 'ceterms:scheduleFrequencyType', 'ceterms:scheduleTimingType', 'ceterms:deliveryType', 'ceterms:learningDeliveryType']
    .flatMap((p) => conceptTerms(node[p]))
    .map(conceptKey);
  const prose = ['ceterms:deliveryTypeDescription', 'ceterms:learningMethodDescription'].map((p) => text(node[p]) ?? '').join(' ');
  const isSelfPaced = hints.some((h) => selfPacedHints.has(h)) || /\bself[- ]paced\b/i.test(prose);
  const isScheduled = hints.some((h) => scheduledHints.has(h)) || /\b(synchronous|live online|live sessions?|scheduled|cohort)\b/i.test(prose);
  return { mode: isScheduled && !isSelfPaced ? 'online_scheduled' : 'online_self_paced', isSelfPaced };
}

/**
 * CTDL's guidance is that InPerson + OnlineOnly means "either, learner's choice"; Credpath has one
 * mode per program, and blended is the one that keeps both the place (geo search) and the online option.
 */
function mapDelivery(node: Node, hasPlace: boolean, hasOnline: boolean): { mode?: DeliveryMode; isSelfPaced: boolean } {
  const keys = [...conceptTerms(node['ceterms:deliveryType']), ...conceptTerms(node['ceterms:learningDeliveryType'])].map(conceptKey);
  const saysBlended = keys.some((k) => k.includes('blended') || k === 'hybrid');
  const saysInPerson = keys.some((k) => k === 'inperson' || k === 'variablesite' || k === 'onsite');
  const saysOnline = keys.some((k) => k.startsWith('online'));
  // Unknown or absent concepts: fall back on where it is available.
  const isStated = saysBlended || saysInPerson || saysOnline;
  const inPerson = isStated ? saysInPerson : hasPlace;
  const online = isStated ? saysOnline : hasOnline;
  if (saysBlended || (inPerson && online)) return { mode: 'blended', isSelfPaced: false };
  if (inPerson) return { mode: 'in_person', isSelfPaced: false };
  if (online) return onlineMode(node);
  return { isSelfPaced: false };
}

/* ——— Duration (ISO 8601) ——— */

export type IsoDuration = { years: number; months: number; weeks: number; days: number; hours: number; minutes: number; seconds: number };

const isoDurationPattern =
  /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** ISO 8601 duration ('P12W', 'P3M', 'PT40H', 'P1Y2M10DT2H30M'); undefined when it is not one. Decimal commas allowed. */
export function parseIsoDuration(raw: string): IsoDuration | undefined {
  const match = isoDurationPattern.exec(raw.trim().toUpperCase());
  if (!match) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((g) => (g ? Number(g.replace(',', '.')) : 0)) as [number, number, number, number, number, number, number];
  return { years, months, weeks, days, hours, minutes, seconds };
}

const weeksPerMonth = 4.345; // 365.25 / 12 / 7
const weeksPerYear = 52.1775; // 365.2425 / 7

/**
 * A calendar duration becomes weeks (any hours in it count as part of a day); a duration of
 * hours/minutes only is a workload and becomes hours. Rounded to one decimal.
 */
export function isoDurationToWorkload(d: IsoDuration): { weeks?: number; hours?: number } {
  const round = (n: number) => Math.round(n * 10) / 10;
  const hasCalendarPart = d.years + d.months + d.weeks + d.days > 0;
  if (hasCalendarPart) {
    const weeks = d.years * weeksPerYear + d.months * weeksPerMonth + d.weeks + (d.days + d.hours / 24 + d.minutes / 1440 + d.seconds / 86400) / 7;
    return { weeks: round(weeks) };
  }
  const hours = d.hours + d.minutes / 60 + d.seconds / 3600;
  return hours > 0 ? { hours: round(hours) } : {};
}

function mapDuration(node: Node, doc: Doc, warn: Warn): { weeks?: number; hours?: number } {
  for (const ref of toArray(node['ceterms:estimatedDuration'])) {
    const profile: Node | undefined = typeof ref === 'string' && ref.startsWith('P') ? { 'ceterms:exactDuration': ref } : resolve(ref, doc).node;
    if (!profile) continue;
    const exact = text(profile['ceterms:exactDuration']);
    const min = text(profile['ceterms:minimumDuration']);
    const max = text(profile['ceterms:maximumDuration']);
    const effort = text(profile['ceterms:timeRequired']) ?? text(profile['ceterms:exactTimeRequired']) ?? text(profile['ceterms:maximumTimeRequired']);
    // A range is stored as its upper end: the commitment a learner should plan for.
    const calendar = exact ?? max ?? min;
    if (!exact && min && max) warn(`Duration is a range (${min}–${max}); imported the maximum.`);
    const out = { ...workloadOf(calendar, warn), ...workloadOf(effort, warn, true) };
    if (out.weeks !== undefined || out.hours !== undefined) return checkWorkload(out, warn);
  }
  return {};
}

function workloadOf(raw: string | undefined, warn: Warn, isEffort = false): { weeks?: number; hours?: number } {
  if (!raw) return {};
  const parsed = parseIsoDuration(raw);
  if (!parsed) {
    warn(`Duration “${raw}” is not an ISO 8601 duration such as P12W or PT40H; left out.`);
    return {};
  }
  const workload = isoDurationToWorkload(parsed);
  // timeRequired is effort: only an hours figure means anything for it.
  return isEffort ? (workload.hours !== undefined ? { hours: workload.hours } : {}) : workload;
}

function checkWorkload(w: { weeks?: number; hours?: number }, warn: Warn) {
  const out = { ...w };
  if (out.weeks !== undefined && (out.weeks < 0.1 || out.weeks > 520)) {
    warn(`Duration of ${out.weeks} weeks is outside 0.1–520 weeks; left out.`);
    delete out.weeks;
  }
  if (out.hours !== undefined && (out.hours < 0.5 || out.hours > 10_000)) {
    warn(`Duration of ${out.hours} hours is outside 0.5–10,000 hours; left out.`);
    delete out.hours;
  }
  return out;
}

/* ——— Cost ——— */

type CostItem = { price: number; currency?: string; types: string[]; name?: string };

function costItems(node: Node, doc: Doc): CostItem[] {
  return toArray(node['ceterms:estimatedCost']).flatMap((ref) => {
    const profile = resolve(ref, doc).node;
    const price = profile && num(profile['ceterms:price']);
    if (!profile || price === undefined || price < 0) return [];
    const currency = text(profile['ceterms:currency'])?.toUpperCase();
    return [{ price, currency, types: conceptTerms(profile['ceterms:directCostType']).map(conceptKey), name: text(profile['ceterms:name']) }];
  });
}

/**
 * The total is what a learner compares: an AggregateCost profile if given; else the sum of
 * itemised costs (each of a different cost type, one currency); else Tuition; else the first.
 */
function pickCost(items: CostItem[], warn: Warn): CostItem | undefined {
  const aggregate = items.find((i) => i.types.includes('aggregatecost'));
  if (aggregate || items.length <= 1) return aggregate ?? items[0];
  const types = items.map((i) => i.types[0]);
  const isItemised = types.every(Boolean) && new Set(types).size === items.length && new Set(items.map((i) => i.currency)).size === 1;
  if (isItemised) return { price: Math.round(items.reduce((sum, i) => sum + i.price, 0) * 100) / 100, currency: items[0]!.currency, types: ['aggregatecost'] };
  const chosen = items.find((i) => i.types.includes('tuition')) ?? items[0]!;
  warn(`${items.length - 1} other cost profile(s) not imported; used “${chosen.name ?? chosen.types[0] ?? 'the first'}”.`);
  return chosen;
}

function mapCost(node: Node, doc: Doc, warn: Warn): { cost?: number; currency?: string } {
  const chosen = pickCost(costItems(node, doc), warn);
  if (!chosen) return {};
  if (chosen.currency && isCurrencyCode(chosen.currency)) return { cost: chosen.price, currency: chosen.currency };
  if (chosen.price === 0) return { cost: 0 };
  warn(`Cost ${chosen.price} has ${chosen.currency ? `currency “${chosen.currency}”, not an ISO 4217 code` : 'no currency'}; left out.`);
  return {};
}

/* ——— Languages ——— */

let languageIndex: Map<string, string> | undefined;
/** English language name → ISO 639-1 code, for records that write "English" instead of "en". */
function languageNameIndex(): Map<string, string> {
  if (languageIndex) return languageIndex;
  const index = new Map<string, string>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters) for (const b of letters) {
    const name = languageName(a + b);
    if (name && !index.has(normaliseName(name))) index.set(normaliseName(name), a + b);
  }
  return (languageIndex = index);
}

/** 'en-US' → 'en', 'fra' → 'fr', 'English' → 'en'. */
export function languageCodeFrom(raw: string): string | undefined {
  const value = raw.trim();
  const tag = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(value)?.[1]?.toLowerCase();
  if (tag?.length === 2) return languageName(tag) ? tag : undefined;
  if (tag?.length === 3) {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    if (name && name !== tag) return languageNameIndex().get(normaliseName(name));
  }
  return languageNameIndex().get(normaliseName(value));
}

function mapLanguages(node: Node, warn: Warn): string[] {
  const codes = texts(node['ceterms:inLanguage']).flatMap((raw) => {
    const code = languageCodeFrom(raw);
    if (!code) warn(`Language “${raw}” is not an ISO 639-1 language; left out.`);
    return code ? [code] : [];
  });
  return [...new Set(codes)];
}

/* ——— Competencies, subjects and outcomes ——— */

/** Text of a competency: a CredentialAlignmentObject's targetNodeName, or a ceasn:Competency's statement. */
function competencyText(ref: unknown, doc: Doc): string | undefined {
  const { node } = resolve(ref, doc);
  if (!node) return undefined;
  return (
    text(node['ceterms:targetNodeName']) ??
    text(node['ceasn:competencyText']) ??
    text(node['ceterms:competencyText']) ??
    text(node['ceasn:competencyLabel']) ??
    nodeName(node) ??
    (typeof node['ceterms:targetNode'] === 'string' ? competencyText(node['ceterms:targetNode'], doc) : undefined)
  );
}

function competencies(refs: unknown[], doc: Doc, warn: Warn, label: string): string[] {
  return refs.flatMap((ref) => {
    const t = competencyText(ref, doc);
    if (!t) warn(`${label}: competency ${resolve(ref, doc).id ?? '(no id)'} has no text in this document; left out.`);
    return t ? [t] : [];
  });
}

/** Subjects: CredentialAlignmentObjects, plain strings, or a language map of lists. */
function subjectLabels(value: unknown): string[] {
  return toArray(value).flatMap((s) => {
    if (!isObject(s)) return texts(s);
    if ('ceterms:targetNodeName' in s || 'ceterms:name' in s) return texts(s['ceterms:targetNodeName'] ?? s['ceterms:name']).slice(0, 1);
    return texts(s);
  });
}

function conditionProfiles(node: Node, property: string, doc: Doc): Node[] {
  return toArray(node[property]).flatMap((ref): Node[] => {
    const { node: profile } = resolve(ref, doc);
    return profile ? [profile] : [];
  });
}

function mapOutcomesAndSkills(node: Node, doc: Doc, warn: Warn): { learningOutcomes: string[]; skills: string[] } {
  const taught = competencies(toArray(node['ceterms:teaches']), doc, warn, 'teaches');
  // Credentials state their competencies as what earning them requires.
  const required = conditionProfiles(node, 'ceterms:requires', doc).flatMap((c) => competencies(toArray(c['ceterms:targetCompetency']), doc, warn, 'requires'));
  const subjects = subjectLabels(node['ceterms:subject']);
  const outcomes = uniqueCi([...taught, ...required]);
  const longOutcomes = outcomes.filter((o) => o.length > 1000).length;
  if (longOutcomes) warn(`${longOutcomes} learning outcome(s) longer than 1,000 characters were shortened.`);
  if (outcomes.length > 50) warn(`${outcomes.length - 50} learning outcome(s) beyond the first 50 left out.`);
  const skillLabels = uniqueCi([...subjects, ...outcomes]);
  const longSkills = skillLabels.filter((s) => s.length > 300);
  if (longSkills.length) warn(`${longSkills.length} competency statement(s) longer than 300 characters are kept as outcomes, not skills.`);
  const skills = skillLabels.filter((s) => s.length <= 300);
  if (skills.length > 100) warn(`${skills.length - 100} skill(s) beyond the first 100 left out.`);
  return { learningOutcomes: outcomes.slice(0, 50).map((o) => clip(o, 1000)), skills: skills.slice(0, 100) };
}

/* ——— Stacking and prerequisites ——— */

const targetProperties = ['ceterms:targetCredential', 'ceterms:targetLearningOpportunity', 'ceterms:targetAssessment'];

/** Labels of what a connection points to: a ConditionProfile's targets, or the resource itself. */
function connectionTargets(ref: unknown, doc: Doc): string[] {
  const { node } = resolve(ref, doc);
  const isProfile = node && (classOf(node) === 'ConditionProfile' || targetProperties.some((p) => p in node));
  if (!isProfile) return [referenceLabel(ref, doc)].filter((l): l is string => !!l);
  const targets = targetProperties.flatMap((p) => toArray(node[p])).map((t) => referenceLabel(t, doc)).filter((l): l is string => !!l);
  return targets.length ? targets : [nodeName(node)].filter((l): l is string => !!l);
}

function limitList(values: string[], max: number, label: string, warn: Warn): string[] {
  const unique = uniqueCi(values.map((v) => clip(v, 300)));
  if (unique.length > max) warn(`${unique.length - max} ${label} beyond the first ${max} left out.`);
  return unique.slice(0, max);
}

function mapStacksInto(node: Node, doc: Doc, warn: Warn): string[] {
  const refs = ['ceterms:isPartOf', 'ceterms:isPreparationFor', 'ceterms:isAdvancedStandingFor'].flatMap((p) => toArray(node[p]));
  const parents = (doc.parentsOf.get(node) ?? []).map(nodeName).filter((n): n is string => !!n);
  return limitList([...refs.flatMap((r) => connectionTargets(r, doc)), ...parents], 20, 'stacking targets', warn);
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/**
 * entryCondition is CTDL's prerequisite; requires is too for courses ("requires: PSYC101"). On a
 * credential, requires also lists the courses and exams that make it up, so there only
 * its statements and required credentials count.
 */
function mapPrerequisites(node: Node, cls: string, doc: Doc, warn: Warn): string[] {
  const isLearning = learningClasses.has(cls);
  const fromCondition = (c: Node, withParts: boolean) => {
    // A name alone ("Competencies") labels a list of competencies, not a requirement.
    const statement = text(c['ceterms:description']) ?? (c['ceterms:targetCompetency'] === undefined ? nodeName(c) : undefined);
    const conditions = texts(c['ceterms:condition']).filter((s) => !isUrl(s));
    const targets = (withParts ? targetProperties : ['ceterms:targetCredential']).flatMap((p) => toArray(c[p])).map((t) => referenceLabel(t, doc));
    return [statement, ...conditions, ...targets].filter((s): s is string => !!s);
  };
  const values = [
    ...conditionProfiles(node, 'ceterms:entryCondition', doc).flatMap((c) => fromCondition(c, true)),
    ...conditionProfiles(node, 'ceterms:requires', doc).flatMap((c) => fromCondition(c, isLearning)),
    ...toArray(node['ceterms:prerequisite']).map((r) => referenceLabel(r, doc)).filter((s): s is string => !!s),
  ];
  const long = values.filter((v) => v.length > 300).length;
  if (long) warn(`${long} prerequisite statement(s) longer than 300 characters were shortened.`);
  return limitList(values, 20, 'prerequisites', warn);
}

/* ——— Credit, quality assurance, assessment, field ——— */

function mapCredit(node: Node, doc: Doc, warn: Warn): { isCreditBearing?: boolean; creditValue?: number; ects?: number } {
  const isNonCredit = bool(node['ceterms:isNonCredit']);
  const profiles = toArray(node['ceterms:creditValue']).map((r) => (typeof r === 'number' ? r : resolve(r, doc).node));
  let value: number | undefined;
  let isEcts = false;
  for (const p of profiles) {
    if (typeof p === 'number') value ??= p;
    else if (p && value === undefined) {
      value = num(p['schema:value']) ?? num(p['ceterms:value']) ?? num(p['schema:maxValue']) ?? num(p['schema:minValue']);
      isEcts = [...conceptTerms(p['ceterms:creditUnitType']), text(p['ceterms:creditUnitTypeDescription']) ?? ''].some((u) => /ects|european\s*credit/i.test(u));
    }
  }
  if (isNonCredit) {
    if (value !== undefined) warn('Marked non-credit but also gives a credit value; the credit value was left out.');
    return { isCreditBearing: false };
  }
  if (value === undefined) return isNonCredit === false ? { isCreditBearing: true } : {};
  if (value < 0 || value > 500) {
    warn(`Credit value ${value} is outside 0–500; left out.`);
    return isNonCredit === false ? { isCreditBearing: true } : {};
  }
  return { isCreditBearing: true, creditValue: value, ...(isEcts && value <= 300 ? { ects: value } : {}) };
}

const qaProperties: ReadonlyArray<readonly [property: string, kind: string]> = [
  ['ceterms:accreditedBy', 'Accreditation'],
  ['ceterms:recognizedBy', 'Recognition'],
  ['ceterms:approvedBy', 'Approval'],
  ['ceterms:regulatedBy', 'Regulation'],
];

function mapQualityAssurance(node: Node, doc: Doc, warn: Warn): { qaType?: string; qaBody?: string } {
  const found = qaProperties.flatMap(([property, kind]) =>
    toArray(node[property]).flatMap((ref) => {
      const org = resolve(ref, doc).node;
      const name = org && nodeName(org);
      if (!name) warn(`${property.replace('ceterms:', '')} organisation ${resolve(ref, doc).id ?? ''} is not in this document; left out.`);
      return name ? [{ kind, name }] : [];
    }),
  );
  if (!found.length) return {};
  const kinds = [...new Set(found.map((f) => f.kind))];
  const bodies = uniqueCi(found.map((f) => (kinds.length > 1 ? `${f.name} (${f.kind.toLowerCase()})` : f.name)));
  return { qaType: kinds.join(', '), qaBody: clip(bodies.join('; '), 300) };
}

function mapAssessment(node: Node, warn: Warn): string | undefined {
  const description = text(node['ceterms:assessmentMethodDescription']);
  const types = toArray(node['ceterms:assessmentMethodType']).map(conceptLabel).filter((t): t is string => !!t);
  if (description && description.length <= 300) return description;
  if (description) warn(`Assessment description is longer than 300 characters; ${types.length ? 'used the assessment method types instead' : 'shortened'}.`);
  return types.length ? clip(uniqueCi(types).join(', '), 300) : description && clip(description, 300);
}

/**
 * CIP 2-digit families with one clear ISCED-F 2013 home (narrow field, or broad where the
 * family spans several narrow ones). Families that straddle broad fields are left out.
 */
const iscedByCipFamily: Record<string, string> = {
  '01': '08', // Agricultural/animal/plant/veterinary science
  '04': '073', // Architecture
  '09': '032', // Communication, journalism
  '11': '061', // Computer and information sciences
  '12': '101', // Culinary, entertainment and personal services
  '13': '011', // Education
  '14': '071', // Engineering
  '15': '071', // Engineering technologies
  '16': '023', // Foreign languages
  '22': '042', // Legal professions
  '23': '023', // English language and literature
  '25': '032', // Library science
  '26': '051', // Biological and biomedical sciences
  '27': '054', // Mathematics and statistics
  '38': '022', // Philosophy and religious studies
  '40': '053', // Physical sciences
  '42': '031', // Psychology
  '43': '103', // Homeland security, law enforcement, firefighting
  '45': '031', // Social sciences
  '46': '073', // Construction trades
  '47': '071', // Mechanic and repair technologies
  '48': '071', // Precision production
  '49': '104', // Transportation and materials moving
  '50': '021', // Visual and performing arts
  '51': '091', // Health professions
  '52': '041', // Business, management, marketing
  '54': '022', // History
};

function mapFieldOfStudy(node: Node): string | undefined {
  for (const item of toArray(node['ceterms:instructionalProgramType'])) {
    const code = isObject(item) ? text(item['ceterms:codedNotation']) : typeof item === 'string' ? item : undefined;
    const family = code && /^(\d{2})(?:\.\d{1,4})?$/.exec(code.trim())?.[1];
    const isced = family ? iscedByCipFamily[family] : undefined;
    if (isced && isValidIscedCode(isced)) return isced;
  }
  return undefined;
}

/* ——— Type, text, status ——— */

function mapCredentialType(cls: string, name: string): CredentialType {
  const base = credentialTypeByClass[cls]!;
  if (!nameRefinedClasses.has(cls)) return base;
  if (/micro\s*masters/i.test(name)) return 'micromasters';
  if (/nano\s*-?\s*degree/i.test(name)) return 'nano_degree';
  if (/boot\s*-?\s*camp/i.test(name)) return 'bootcamp';
  if (cls === 'MicroCredential' && /\bbadge\b/i.test(name)) return 'digital_badge';
  if (cls === 'MicroCredential' && /\bcertificat(e|ion)\b/i.test(name)) return /certification/i.test(name) ? 'certification' : 'professional_certificate';
  return base;
}

const abbreviations = /\b(e\.g|i\.e|etc|vs|approx|incl|dr|mr|mrs|ms|st|no|u\.s|u\.k)\.$/i;

/** First sentence, without markup; longer than 500 characters → clipped. */
export function firstSentence(description: string): string {
  const plain = description.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  const boundary = /[.!?](?=\s+[A-Z0-9"“(])/g;
  let match: RegExpExecArray | null;
  let sentence = plain;
  while ((match = boundary.exec(plain))) {
    const candidate = plain.slice(0, match.index + 1);
    if (!abbreviations.test(candidate)) {
      sentence = candidate;
      break;
    }
  }
  return clip(sentence, 500);
}

/** Ceased or suspended resources should not appear as open offers; drafts stay drafts. */
function mapStatus(node: Node): 'published' | 'draft' | 'archived' {
  const keys = [...conceptTerms(node['ceterms:lifeCycleStatusType']), ...conceptTerms(node['ceterms:credentialStatusType'])].map(conceptKey);
  if (keys.some((k) => ['ceased', 'suspended', 'deprecated', 'retired'].includes(k))) return 'archived';
  if (keys.some((k) => k === 'developing' || k === 'probationary')) return 'draft';
  return 'published';
}

function mapIdentity(node: Node): { ctid?: string; externalId?: string } {
  const id = typeof node['@id'] === 'string' ? node['@id'] : undefined;
  const ctid = text(node['ceterms:ctid']) ?? (id ? ctidIn(id) : undefined);
  if (ctid) return { ctid, externalId: ctid };
  // Without a CTID, a stable URI still lets a re-import update the same program.
  return id && !id.startsWith('_:') && id.length <= 200 ? { externalId: id } : {};
}

/* ——— One resource ——— */

type Mapped = { input: ProgramInputRaw; warnings: string[] } | { error: { field: string; message: string } };

function mapResource(node: Node, cls: string, doc: Doc): Mapped {
  const warnings: string[] = [];
  const warn: Warn = (m) => void warnings.push(m);
  const name = text(node['ceterms:name']);
  if (!name) return { error: { field: 'ceterms:name', message: `This ceterms:${cls} has no name.` } };
  const provider = mapProvider(node, doc);
  if (!provider.providerName) {
    const missing = missingOrganisations(node, doc)[0];
    const where = missing ? `${missing} is not in this document` : 'none is referenced';
    return { error: { field: 'ceterms:ownedBy', message: `No owning or offering organisation with a name (${where}): include its ceterms:CredentialOrganization in @graph and reference it from ceterms:ownedBy.` } };
  }
  const places = toArray(node['ceterms:availableAt']).map((r) => resolve(r, doc).node).filter((p): p is Node => !!p);
  const onlineAt = toArray(node['ceterms:availableOnlineAt']).map(httpUrl).filter((u): u is string => !!u);
  const delivery = mapDelivery(node, places.length > 0, onlineAt.length > 0);
  if (!delivery.mode) {
    return { error: { field: 'ceterms:deliveryType', message: 'Say how it is delivered: give ceterms:deliveryType, ceterms:availableAt (a place) or ceterms:availableOnlineAt.' } };
  }
  if (places.length > 1) warn(`${places.length - 1} further location(s) in availableAt not imported: a program has one place.`);
  const place: PlaceFields = places[0] ? mapPlace(places[0], warn, 'availableAt') : {};
  if ((delivery.mode === 'in_person' || delivery.mode === 'blended') && !place.country && provider.providerCountry) {
    warn(`No country for the place of study; used the organisation's country (${provider.providerCountry}).`);
    place.country = provider.providerCountry;
  }
  const isOnline = delivery.mode === 'online_self_paced' || delivery.mode === 'online_scheduled';
  const description = text(node['ceterms:description']);
  if (description && description.length > 20_000) warn('Description longer than 20,000 characters was shortened.');
  if (name.length > 200) warn('Name longer than 200 characters was shortened.');
  const url = httpUrl(node['ceterms:subjectWebpage']) ?? onlineAt[0];
  const image = httpUrl(node['ceterms:image']);
  if (node['ceterms:image'] !== undefined && !image) warn('ceterms:image is not an http(s) address; left out.');
  const input: ProgramInputRaw = {
    ...mapIdentity(node),
    title: clip(name, 200),
    summary: description ? firstSentence(description) : undefined,
    description: description ? clip(description, 20_000) : undefined,
    ...provider,
    credentialType: mapCredentialType(cls, name),
    fieldOfStudy: mapFieldOfStudy(node),
    ...place,
    deliveryMode: delivery.mode,
    openWorldwide: isOnline && onlineAt.length > 0 ? true : undefined,
    pace: delivery.isSelfPaced ? 'self_paced' : undefined,
    languages: mapLanguages(node, warn),
    ...mapDuration(node, doc, warn),
    ...mapCost(node, doc, warn),
    ...mapCredit(node, doc, warn),
    assessmentType: mapAssessment(node, warn),
    ...mapQualityAssurance(node, doc, warn),
    ...mapOutcomesAndSkills(node, doc, warn),
    stacksInto: mapStacksInto(node, doc, warn),
    prerequisites: mapPrerequisites(node, cls, doc, warn),
    url,
    badgeImageUrl: image,
    status: mapStatus(node),
  };
  return { input: compact(input), warnings };
}

/** Drops undefined fields and empty lists, so a record shows only what the CTDL said. */
function compact(input: ProgramInputRaw): ProgramInputRaw {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as ProgramInputRaw;
}

/* ——— Document ——— */

export function parseCtdlDocument(json: unknown): { records: CtdlRecord[]; errors: CtdlError[] } {
  const entries = topLevelEntries(json);
  const doc = indexDocument(entries);
  const records: CtdlRecord[] = [];
  const errors: CtdlError[] = [];
  entries.forEach((entry, i) => {
    const row = i + 1;
    if (!isObject(entry)) return void errors.push({ row, field: 'row', message: 'Each entry must be a JSON-LD object.' });
    const cls = classOf(entry);
    if (!cls) {
      if (entry['ceterms:name'] !== undefined) errors.push({ row, field: '@type', message: 'Give the CTDL class in @type, such as ceterms:Certificate.' });
      return;
    }
    if (!(cls in credentialTypeByClass)) {
      if (isProgramLikeClass(cls) && !isDegreeClass(cls)) {
        errors.push({ row, field: '@type', message: `ceterms:${cls} is not imported. Credpath imports ${supportedClasses.map((c) => `ceterms:${c}`).join(', ')}.` });
      }
      return;
    }
    const mapped = mapResource(entry, cls, doc);
    if ('error' in mapped) errors.push({ row, ...mapped.error });
    else records.push({ index: row, input: mapped.input, warnings: mapped.warnings });
  });
  if (!records.length && !errors.length) {
    errors.push({ row: 1, field: '@type', message: `Found no credential or learning opportunity to import. Credpath imports ${supportedClasses.map((c) => `ceterms:${c}`).join(', ')}.` });
  }
  return { records, errors };
}
