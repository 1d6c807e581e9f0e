/*
 * Text primitives of the skill extractor: normalisation, tokenisation with offsets,
 * a Porter stemmer (light and full modes) and the small English word lists the matcher
 * needs. Pure and synchronous; no dependency.
 */

export type Token = {
  /** Offsets in the original text, so the matched phrase can be quoted verbatim. */
  start: number;
  end: number;
  /** Surface after NFKC (case kept: needed for acronyms such as LESS or SPARK). */
  cased: string;
  /** Lower-case, accent-free surface; `'s` removed. */
  norm: string;
  /** Light (inflectional) stem used for phrase keys; stop words keep their surface, marked `~`. */
  stem: string;
  /** Full Porter root, used by the word-order-free matcher. */
  root: string;
  stop: boolean;
  /** Articles and possessive determiners: skipped in both labels and text ("lead a team" = "lead teams"). */
  det: boolean;
  conj: boolean;
  /** Clause number (sentence, bullet, line, or comma-separated item): the word-order-free matcher never crosses one. */
  clause: number;
  /** A hard break (sentence end, bracket, colon) precedes the token: a phrase cannot run across it. */
  brk: boolean;
  /** A list separator (comma, slash) precedes the token. */
  sep: boolean;
  /** A hyphen joins the token to the previous one ("e-commerce"). */
  hyph: boolean;
};

// Letters/digits with inner dots, apostrophes and ampersands (node.js, asp.net, company's, R&D),
// an optional leading dot (.NET) and trailing + or # (C++, C#, F#). A lone & is its own token.
const TOKEN_RE = /(?:(?<![\p{L}\p{N}])\.(?=\p{L}))?[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[.'’&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*(?:\+\+|\+|#)?|&/gu;
const HARD_BREAK_RE = /[.!?;:()[\]{}"“”•·|\n\r\t*]/;
const CLAUSE_BREAK_RE = /[.!?;,•·\n\r*()[\]]|:\s/;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does ' +
    'doing down during each either etc few for from further had has have having he her here hers herself him himself his how i if in into is it its itself ' +
    'just less may me might more most must my myself no nor not of off on once only or other our ours ourselves out over own per same shall she should so ' +
    'some such than that the their theirs them themselves then there these they this those through to too under until up upon us very via was we were ' +
    'what when where which while who whom why will with within without would yet you your yours yourself yourselves e.g i.e &'
  ).split(' '),
);

export const DETERMINERS: ReadonlySet<string> = new Set('a an the your our their its his her my this these those'.split(' '));
const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'or', '&']);

/** Verbs that carry little meaning in ESCO labels ("use spreadsheets software", "perform project management"): optional at the label start. */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  'use utilise utilize apply perform conduct undertake carry do make employ execute demonstrate show exhibit have possess operate'.split(' '),
);

/** Generic heads of ESCO knowledge labels ("cloud technologies", "supply chain principles", "e-commerce systems"): optional. */
export const GENERIC_HEADS: ReadonlySet<string> = new Set(
  (
    'principles principle fundamentals basics theory theories concepts techniques technique technologies technology systems system processes process ' +
    'operations methods methodologies methodology procedures practices tools software types'
  ).split(' '),
);

const ACCENTS_RE = /\p{Mn}+/gu;
const POSSESSIVE_RE = /['’]s?$/;

const NON_ASCII_RE = /[^ -~\t\n\r]/;

/** NFKC, accents removed, lower case, possessive dropped: the comparable form of one token. */
export function normaliseToken(surface: string): string {
  let s = surface.toLowerCase();
  if (NON_ASCII_RE.test(s)) s = s.normalize('NFKC').normalize('NFD').replace(ACCENTS_RE, '').normalize('NFC').replace(/’/g, "'");
  if (s.endsWith("'s") || s.endsWith("'")) s = s.replace(POSSESSIVE_RE, '');
  return s;
}

// British and American spellings meet before stemming (organisation/organization, behaviour/behavior, analyse/analyze).
const SPELLING: Record<string, string> = {
  practise: 'practice', licence: 'license', defence: 'defense', offence: 'offense', programme: 'program', programmes: 'programs',
  catalogue: 'catalog', dialogue: 'dialog', analogue: 'analog', judgement: 'judgment', ageing: 'aging', grey: 'gray', centre: 'center', centres: 'centers',
  metre: 'meter', metres: 'meters', litre: 'liter', litres: 'liters', fibre: 'fiber', fibres: 'fibers', theatre: 'theater',
};

function americanise(w: string): string {
  const mapped = SPELLING[w];
  if (mapped) return mapped;
  if (w.length > 5) {
    w = w
      .replace(/isation(s?)$/, 'ization$1')
      .replace(/is(e|es|ed|ing|er|ers)$/, 'iz$1')
      .replace(/ys(e|es|ed|ing)$/, 'yz$1')
      .replace(/our(s?|ed|ing|ful|able|ite|ites)$/, 'or$1');
  }
  return w;
}

/* Porter (1980) stemmer. `full = false` runs only the inflectional steps (1a-1c, 5), which keeps
 * management/manage and community/communication apart; the full algorithm is used where a
 * looser match is wanted and is scored lower. */
const isCons = (w: string, i: number): boolean => {
  const c = w.charCodeAt(i);
  if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) return false;
  if (c === 121) return i === 0 ? true : !isCons(w, i - 1);
  return true;
};
function measure(s: string): number {
  let n = 0;
  let i = 0;
  const len = s.length;
  while (i < len && isCons(s, i)) i++;
  while (i < len) {
    while (i < len && !isCons(s, i)) i++;
    if (i >= len) break;
    while (i < len && isCons(s, i)) i++;
    n++;
  }
  return n;
}
const hasVowel = (s: string) => {
  for (let i = 0; i < s.length; i++) if (!isCons(s, i)) return true;
  return false;
};
const doubleCons = (s: string) => s.length >= 2 && s[s.length - 1] === s[s.length - 2] && isCons(s, s.length - 1);
const cvc = (s: string) => {
  const n = s.length;
  if (n < 3 || !isCons(s, n - 3) || isCons(s, n - 2) || !isCons(s, n - 1)) return false;
  const c = s[n - 1];
  return c !== 'w' && c !== 'x' && c !== 'y';
};

const STEP2: ReadonlyArray<[string, string]> = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'],
  ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'],
  ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: ReadonlyArray<[string, string]> = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

function replaceSuffix(w: string, rules: ReadonlyArray<[string, string]>, minM: number): string {
  for (const [suffix, to] of rules) {
    if (w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length);
      return measure(base) > minM ? base + to : w;
    }
  }
  return w;
}

export function porterStem(word: string, full: boolean): string {
  let w = word;
  if (w.length <= 2 || !/^[a-z]+$/.test(w)) return w;
  // 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);
  // 1b
  let post = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    post = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    post = true;
  }
  if (post) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (doubleCons(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && cvc(w)) w += 'e';
  }
  // 1c
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + 'i';
  if (full) {
    w = replaceSuffix(w, STEP2, 0);
    w = replaceSuffix(w, STEP3, 0);
    for (const suffix of STEP4) {
      if (w.endsWith(suffix)) {
        const base = w.slice(0, -suffix.length);
        if (measure(base) > 1 && (suffix !== 'ion' || /[st]$/.test(base))) w = base;
        break;
      }
    }
  }
  // 5a, 5b
  if (w.endsWith('e')) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !cvc(base))) w = base;
  }
  if (w.endsWith('ll') && measure(w) > 1) w = w.slice(0, -1);
  return w;
}

type WordForms = { stem: string; root: string; stop: boolean; det: boolean };
// Stemming dominates tokenisation cost and vocabularies are small: memoise, bounded.
const formCache = new Map<string, WordForms>();
const FORM_CACHE_MAX = 200_000;

export function wordForms(norm: string): WordForms {
  const hit = formCache.get(norm);
  if (hit) return hit;
  const stop = STOP_WORDS.has(norm);
  let forms: WordForms;
  if (stop) forms = { stem: `~${norm}`, root: `~${norm}`, stop, det: DETERMINERS.has(norm) };
  else {
    const base = americanise(norm);
    forms = { stem: porterStem(base, false), root: porterStem(base, true), stop, det: false };
  }
  if (formCache.size >= FORM_CACHE_MAX) formCache.clear();
  formCache.set(norm, forms);
  return forms;
}

/** Tokens of a text with offsets, stems and structure marks (clause, break, list separator, hyphen). */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const gap = last === m.index ? '' : text.slice(last, m.index);
    const cased = NON_ASCII_RE.test(m[0]) ? m[0].normalize('NFKC') : m[0];
    last = m.index + m[0].length;
    const norm = normaliseToken(cased);
    if (!norm) continue;
    const first = tokens.length === 0;
    // Most gaps are one space: skip the punctuation tests.
    const plain = gap === ' ';
    if (!first && !plain && CLAUSE_BREAK_RE.test(gap)) clause++;
    const forms = wordForms(norm);
    tokens.push({
      start: m.index,
      end: last,
      cased,
      norm,
      stem: forms.stem,
      root: forms.root,
      stop: forms.stop,
      det: forms.det,
      conj: CONJUNCTIONS.has(norm),
      clause,
      brk: first || (!plain && HARD_BREAK_RE.test(gap)),
      sep: !plain && /[,/]/.test(gap),
      hyph: !first && !plain && gap.length <= 3 && /^\s*[-‐‑–]\s*$/.test(gap),
    });
  }
  return tokens;
}
