import { GENERIC_HEADS, LIGHT_VERBS, tokenise, wordForms, type Token } from './extract-text';

/*
 * Skill extraction by dictionary matching. A matcher is built once from taxonomy labels
 * (ESCO preferred and alternative labels, O*NET technologies…) and then suggests skills for
 * any text: pure, synchronous, no I/O, so it runs in a request or over 100k programs.
 *
 * Kinds of match, strongest evidence first:
 *  1. Phrase: the label's token sequence (inflection-stemmed, articles ignored) occurs in the
 *     text ("managing staff" = "manage staff"). A shorter label inside a longer match of
 *     another skill is kept, weaker.
 *  2. Coordination: "budget and resource allocation" also reads "budget allocation".
 *  3. Core: the label without its light verb or generic head ("use spreadsheets software" →
 *     "spreadsheets", "cloud technologies" → "cloud").
 *  4. Word order free: all content roots of a label within a small window of one clause
 *     ("analysis of the market" = "market analysis").
 * Confidence multiplies: how much the label can be trusted (preferred > alternative sharing
 * a word with the preferred label > unrelated alternative such as a product name listed
 * under a broad skill), exact vs stemmed surface, specificity (one common word is weak
 * evidence: measured by how many skills use the word), ambiguity (several skills share the
 * surface) and the kind of match.
 */

/** `kind`: "skill" or ESCO "skill/competence" (labels are verb phrases), "knowledge", "tool". */
export type SkillEntry = { id: string; label: string; altLabels: string[]; sourceUri: string; kind?: string };

export type ExtractedSkill = {
  id: string;
  label: string;
  sourceUri: string;
  /** 0..1; DEFAULT_MIN_CONFIDENCE is the suggested cut. */
  confidence: number;
  /** The text that matched, quoted from the input: the reason for the suggestion. */
  matched: string;
  /** How the label matched, with `explain: true` only. */
  via?: string;
};

export type ExtractOptions = {
  /** Most suggestions returned (default 25). */
  limit?: number;
  /** Suggestions below this confidence are dropped (default DEFAULT_MIN_CONFIDENCE). */
  minConfidence?: number;
  /** Add `via` (how the label matched) to each suggestion: for evaluation and debugging. */
  explain?: boolean;
};

export type MatcherOptions = {
  /** Only the first maxChars characters of a text are read (default 100,000; a program text is ~2k). */
  maxChars?: number;
};

export type SkillMatcher = {
  extract(text: string, opts?: ExtractOptions): ExtractedSkill[];
  stats: { skills: number; labels: number; phraseKeys: number; trieNodes: number; bagEntries: number };
};

/** The cut for automatic suggestions: one global value chosen on the validation sets, not per sentence. */
export const DEFAULT_MIN_CONFIDENCE = 0.7;
const DEFAULT_LIMIT = 25;
const DEFAULT_MAX_CHARS = 100_000;
const MAX_PHRASE_TOKENS = 8;
const MAX_BAG_TOKENS = 4;
const MAX_SKIP = 3;
/** A skill listing this many alternatives lists instances ("computer programming": 100+ languages). */
const INSTANCE_LIST = 30;
/** Trie edges are keyed node * EDGE_SPAN + token id: vocabularies stay far below 2^21 words. */
const EDGE_SPAN = 2 ** 21;

const PREF = 0;
const ALT = 1;
const PREF_STRIPPED = 2;
const ALT_STRIPPED = 3;
const KIND_NAMES = ['pref', 'alt', 'pref-stripped', 'alt-stripped'];
const isPreferred = (kind: number) => kind === PREF || kind === PREF_STRIPPED;

const FULL = 0;
const JOINED = 1;
const CORE = 2;
const VARIANT_WEIGHT = [1, 0.95, 0.5];
const VARIANT_NAMES = ['full', 'joined', 'core'];

const STEMMED = 0.88;
const COORDINATION = 0.65;
const NESTED = 0.6;
const BAG = 0.5;
const PARTIAL = 0.42;
/** Share of a label's IDF weight a partial mention must cover. */
const PARTIAL_MIN = 0.5;
/** Weaker candidates are not worth ranking. */
const MIN_CANDIDATE = 0.12;

type LabelToken = { norm: string; cased: string; stem: string; root: string; stop: boolean };

type Label = { skill: number; kind: number; weight: number; tokens: LabelToken[]; hyph: boolean[]; qualifier: string[] | null };

type PhraseRef = {
  skill: number;
  kind: number;
  variant: number;
  /** Label trust × variant weight × specificity. */
  weight: number;
  /** Normalised surface: equal to the text's → exact match, else stemmed. */
  norm: string;
  /** Per token, the casing the text must show (acronyms and names that are also common words: LESS, Access), or null. */
  cased: Array<string | null> | null;
  content: number;
  /** Root ids of a parenthetical qualifier ("computer programming"): evidence when in the text. */
  context: number[] | null;
};

/** A label for word-order-free matching: root ids with their IDF (rarity across skills). */
type BagRef = {
  skill: number;
  kind: number;
  weight: number;
  roots: number[];
  idf: number[];
  total: number;
  optional: number[];
  /** One-root entries: the label word's stem, which the text word's must extend or be extended by. */
  stem: string | null;
};

/** Endings that change a word's class but not its sense: communic-ate, -ation, -ator, -ative… */
const DERIVATION = /^(?:e|y|i|at|ate|ation|ion|ition|ator|or|er|ive|ative|ment|al|ic|ical|ing|ed|s)$/;
const DERIVED = /(?:ation|ition|ative|ator|ical|ment|ing|ion|ive|ate|al|or|er|ed)$/;
const base = (w: string) => {
  const m = DERIVED.exec(w);
  return m && m.index >= 4 ? w.slice(0, m.index) : w;
};
/** "communic" (communicate), "communicator" and "communication" are one word in several forms; "solid" and "soliditi", "experienc" and "experiment" are not. */
const sameWord = (a: string, b: string) => {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short) && DERIVATION.test(long.slice(short.length))) return true;
  return base(a) === base(b) && base(a).length >= 5;
};

type Hit = {
  skill: number;
  conf: number;
  /** Token span. */
  from: number;
  to: number;
  ref: PhraseRef | null;
  bagRef: BagRef | null;
  exact: boolean;
  skipped: boolean;
  inContext: boolean;
  nested: boolean;
  /** Word-order-free: all the label's roots were found. */
  complete: boolean;
};

function describe(h: Hit): string {
  const parts = h.ref
    ? [KIND_NAMES[h.ref.kind], VARIANT_NAMES[h.ref.variant], h.exact ? 'exact' : 'stemmed', h.skipped && 'coord', h.ref.content === 1 && 'one-word', h.inContext && 'context']
    : [h.complete ? 'bag' : 'partial', KIND_NAMES[h.bagRef!.kind]];
  return [...parts, h.nested && 'nested'].filter(Boolean).join(' ');
}

const splitQualifier = (label: string): { head: string; qualifier: string } | null => {
  const m = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/.exec(label);
  if (!m) return null;
  const head = `${m[1]} ${m[3]}`.trim();
  return head ? { head, qualifier: m[2]!.trim() } : null;
};

const isAcronym = (t: LabelToken) => t.cased.length >= 2 && t.cased.length <= 6 && /^\p{Lu}[\p{Lu}\d]+$/u.test(t.cased);
const isTechnical = (t: LabelToken) => /[0-9+#.]/.test(t.norm) || /\p{Lu}/u.test(t.cased.slice(1));

/** "HR" for "human resource management": the letters follow the label's initials. */
function isAcronymOf(acronym: string, tokens: LabelToken[]): boolean {
  const initials = tokens.filter((t) => !t.stop).map((t) => t.norm[0]).join('');
  const letters = acronym.toLowerCase();
  if (letters[0] !== initials[0]) return false;
  let i = 0;
  for (const c of initials) if (c === letters[i]) i++;
  return i === letters.length;
}

type Index = {
  skills: Array<{ id: string; label: string; sourceUri: string }>;
  vocab: Map<string, number>;
  edges: Map<number, number>;
  terminal: Array<PhraseRef[] | undefined>;
  bag: Map<number, BagRef[]>;
  stats: SkillMatcher['stats'];
};

/** The indexes; build-time tables (labels, frequencies) stay local so they are freed. */
function buildIndex(entries: SkillEntry[]): Index {
  const skills = entries.map((e) => ({ id: e.id, label: e.label, sourceUri: e.sourceUri }));
  // ESCO "skill/competence" (and Credpath "skill") labels are verb phrases: "plan events", "manage staff".
  const actionSkill = entries.map((e) => e.kind?.startsWith('skill') ?? false);

  const toLabelTokens = (text: string) => {
    const toks = tokenise(text).filter((t) => !t.det);
    return { tokens: toks.map((t): LabelToken => ({ norm: t.norm, cased: t.cased, stem: t.stem, root: t.root, stop: t.stop })), hyph: toks.map((t) => t.hyph) };
  };

  // 1. Labels of each skill, tokenised once, with how far each can be trusted.
  const labels: Label[] = [];
  entries.forEach((entry, skill) => {
    const seen = new Set<string>();
    const prefTokens = toLabelTokens(splitQualifier(entry.label)?.head ?? entry.label).tokens;
    const prefRoots = new Set(prefTokens.filter((t) => !t.stop).map((t) => t.root));
    const instances = entry.altLabels.length >= INSTANCE_LIST;
    const add = (text: string, kind: number, qualifier: string | null) => {
      const { tokens, hyph } = toLabelTokens(text);
      const key = tokens.map((t) => t.norm).join(' ');
      if (!tokens.length || seen.has(key)) return;
      seen.add(key);
      let weight = [1, 0.92, 0.85, 0.8][kind]!;
      if (!isPreferred(kind)) {
        // An alternative sharing no word with the preferred label is a looser synonym or an instance.
        const related = tokens.some((t) => !t.stop && prefRoots.has(t.root)) || (tokens.length === 1 && isAcronym(tokens[0]!) && isAcronymOf(tokens[0]!.cased, prefTokens));
        if (!related) weight *= instances ? 0.6 : 0.72;
        // One word of a longer preferred label ("initiative" for "show initiative") says less than the label.
        else if (tokens.length === 1 && prefRoots.size > 1) weight *= 0.8;
      }
      const qual = qualifier ? tokenise(qualifier).filter((t) => !t.stop).map((t) => t.root) : null;
      labels.push({ skill, kind, weight, tokens, hyph, qualifier: qual?.length ? qual : null });
    };
    const all = [entry.label, ...entry.altLabels];
    all.forEach((text, i) => add(text, i === 0 ? PREF : ALT, null));
    // "Python (computer programming)" is also "Python"; "methodology (PM²)" also "PM²".
    all.forEach((text, i) => {
      const split = splitQualifier(text);
      if (!split) return;
      add(split.head, i === 0 ? PREF_STRIPPED : ALT_STRIPPED, split.qualifier);
      if (/^\S+$/.test(split.qualifier) && /\p{Lu}/u.test(split.qualifier)) add(split.qualifier, ALT_STRIPPED, null);
    });
  });

  // 2. How many skills use each stem (specificity), each root (rarest word of a label), and the
  // words the taxonomy writes in lower case (a capitalised label equal to one — "Access", "LESS" —
  // must then be capitalised in the text).
  const stemDf = new Map<string, number>();
  const rootDf = new Map<string, number>();
  const lowerWords = new Set<string>();
  {
    let current = -1;
    let stems = new Set<string>();
    let roots = new Set<string>();
    const flush = () => {
      stems.forEach((s) => stemDf.set(s, (stemDf.get(s) ?? 0) + 1));
      roots.forEach((r) => rootDf.set(r, (rootDf.get(r) ?? 0) + 1));
    };
    for (const label of labels) {
      if (label.skill !== current) {
        flush();
        stems = new Set();
        roots = new Set();
        current = label.skill;
      }
      for (const t of label.tokens) {
        if (!t.stop) {
          stems.add(t.stem);
          roots.add(t.root);
        }
        if (t.cased === t.norm) lowerWords.add(t.norm);
      }
    }
    flush();
  }
  const verbUse = new Map<string, number>();
  {
    let current = -1;
    let verbs = new Set<string>();
    const flush = () => verbs.forEach((v) => verbUse.set(v, (verbUse.get(v) ?? 0) + 1));
    for (const label of labels) {
      if (label.skill !== current) {
        flush();
        verbs = new Set();
        current = label.skill;
      }
      if (actionSkill[label.skill] && label.kind === PREF && label.tokens.length > 1 && !label.tokens[0]!.stop) verbs.add(label.tokens[0]!.stem);
    }
    flush();
  }
  const specificity = (t: LabelToken, kind: number) => {
    const df = stemDf.get(t.stem) ?? 1;
    // A preferred label is the skill's own name: many longer labels using the word (a longer match
    // is found and preferred anyway) make it only a little less specific.
    let s = 1 / (1 + (isPreferred(kind) ? 0.03 : 0.2) * Math.log2(df));
    // A word the taxonomy uses as the verb of skill phrases ("plan", "design", "lead") is most
    // likely a verb in running text too, not the name of a skill.
    s /= 1 + 0.15 * Math.log2(1 + (verbUse.get(t.stem) ?? 0));
    if (isTechnical(t)) s = Math.max(s, 0.9);
    // Two- and three-letter acronyms stand for many things (BA, QA, ETL).
    if (isAcronym(t) && t.cased.length === 2) s = Math.min(s, 0.6);
    if (isAcronym(t) && t.cased.length === 3 && !isPreferred(kind)) s = Math.min(s, 0.75);
    return s;
  };
  const idfOf = (root: string) => Math.log((skills.length + 1) / ((rootDf.get(root) ?? 0) + 1)) + 0.1;
  const needsCase = (t: LabelToken) => t.cased !== t.norm && /\p{Lu}/u.test(t.cased) && (t.stop || t.norm.length === 1 || lowerWords.has(t.norm));

  // 3. Indexes over integer ids (no string building while matching): a trie of label stems,
  // and word-order-free entries keyed by their rarest root.
  const vocab = new Map<string, number>();
  const idOf = (word: string) => {
    let id = vocab.get(word);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(word, id);
    }
    return id;
  };
  const edges = new Map<number, number>(); // node * EDGE_SPAN + token id → child node
  const terminal: Array<PhraseRef[] | undefined> = [];
  let nodes = 1;
  const bag = new Map<number, BagRef[]>();
  const bagSeen = new Set<string>();
  let bagEntries = 0;
  let phraseKeys = 0;

  const addPhrase = (label: Label, tokens: LabelToken[], variant: number) => {
    if (!tokens.length || tokens.length > MAX_PHRASE_TOKENS) return;
    const content = tokens.filter((t) => !t.stop);
    const caseSensitive = tokens.some(needsCase);
    // A label of stop words only ("LESS", "IT") is kept only when its casing makes it a name.
    if (!content.length && !caseSensitive) return;
    let node = 0;
    for (const t of tokens) {
      const edge = node * EDGE_SPAN + idOf(t.stem);
      let child = edges.get(edge);
      if (child === undefined) {
        child = nodes++;
        edges.set(edge, child);
      }
      node = child;
    }
    let weight = label.weight * VARIANT_WEIGHT[variant]!;
    if (content.length === 1) weight *= specificity(content[0]!, label.kind);
    // Stop words only, so matched by their casing ("LESS"): precise, yet a common word when miscased.
    else if (!content.length) weight *= 0.75;
    else if (content.length === 2) weight *= 0.97;
    const ref: PhraseRef = {
      skill: label.skill,
      kind: label.kind,
      variant,
      weight,
      norm: tokens.map((t) => t.norm).join(' '),
      cased: caseSensitive ? tokens.map((t) => (needsCase(t) ? t.cased : null)) : null,
      content: content.length,
      context: label.qualifier ? label.qualifier.map(idOf) : null,
    };
    const list = terminal[node];
    if (!list) {
      terminal[node] = [ref];
      phraseKeys++;
    } else {
      // One ref per skill and key: the most trusted.
      const same = list.findIndex((r) => r.skill === ref.skill);
      if (same < 0) list.push(ref);
      else if (ref.weight > list[same]!.weight) list[same] = ref;
    }
  };

  for (const label of labels) {
    const { tokens } = label;
    addPhrase(label, tokens, FULL);
    // "e-commerce" is also written "ecommerce", "life-cycle" "lifecycle".
    if (label.hyph.some(Boolean)) {
      const joined: LabelToken[] = [];
      tokens.forEach((t, i) => {
        if (label.hyph[i] && joined.length) {
          const prev = joined.pop()!;
          const norm = prev.norm + t.norm;
          joined.push({ norm, cased: prev.cased + t.cased, ...wordForms(norm) });
        } else joined.push(t);
      });
      addPhrase(label, joined, JOINED);
    }
    // Core: without a leading light verb, a trailing generic head or a leading "principles of".
    let core = tokens;
    if (core.length > 1 && LIGHT_VERBS.has(core[0]!.norm)) core = core.slice(core[0]!.norm === 'carry' && core[1]?.norm === 'out' ? 2 : 1);
    if (core.length > 1 && GENERIC_HEADS.has(core[core.length - 1]!.norm)) core = core.slice(0, -1);
    if (core.length > 2 && GENERIC_HEADS.has(core[0]!.norm) && core[1]!.norm === 'of') core = core.slice(2);
    while (core.length && core[0]!.stop) core = core.slice(1);
    while (core.length && core[core.length - 1]!.stop) core = core.slice(0, -1);
    if (core.length && core.length < tokens.length) addPhrase(label, core, CORE);

    // Word-order-free entry: the content roots (light verbs and generic heads optional), indexed
    // under the rarest, so that a partial mention ("agile" → "Agile development") is found too.
    // One-root entries stand for derived forms of one-word labels ("communicator" → "communication");
    // not for labels whose meaning lives in stop words ("work on your own").
    const content = tokens.filter((t) => !t.stop);
    const optional = content.filter((t) => GENERIC_HEADS.has(t.norm) || (t === tokens[0] && LIGHT_VERBS.has(t.norm)));
    const requiredTokens = content.filter((t) => !optional.includes(t));
    const required = [...new Set(requiredTokens.map((t) => t.root))];
    const single = required.length === 1;
    if (required.length >= 1 && required.length <= MAX_BAG_TOKENS && (!single || content.length === tokens.length)) {
      const sig = `${label.skill}|${[...required].sort().join(' ')}`;
      if (!bagSeen.has(sig)) {
        bagSeen.add(sig);
        const idf = required.map(idfOf);
        const entry: BagRef = {
          skill: label.skill,
          kind: label.kind,
          weight: single ? label.weight * specificity(requiredTokens[0]!, label.kind) : label.weight,
          roots: required.map(idOf),
          idf,
          total: idf.reduce((x, y) => x + y, 0),
          optional: [...new Set(optional.map((t) => idOf(t.root)))],
          stem: single ? requiredTokens[0]!.stem : null,
        };
        let anchor = 0;
        idf.forEach((w, i) => {
          if (w > idf[anchor]!) anchor = i;
        });
        const list = bag.get(entry.roots[anchor]!);
        if (list) list.push(entry);
        else bag.set(entry.roots[anchor]!, [entry]);
        bagEntries++;
      }
    }
  }

  return { skills, vocab, edges, terminal, bag, stats: { skills: skills.length, labels: labels.length, phraseKeys, trieNodes: nodes, bagEntries } };
}

export function buildSkillMatcher(entries: SkillEntry[], opts: MatcherOptions = {}): SkillMatcher {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const { skills, vocab, edges, terminal, bag, stats } = buildIndex(entries);

  const casingOk = (ref: PhraseRef, toks: Token[]) =>
    !ref.cased ||
    ref.cased.every((want, i) => {
      if (!want) return true;
      const got = toks[i]!.cased;
      if (want.length > 1 && want === want.toUpperCase()) return got === got.toUpperCase();
      return /^\p{Lu}/u.test(got);
    });

  const seen = new Int32Array(vocab.size);
  let stamp = 0;

  function extract(text: string, options: ExtractOptions = {}): ExtractedSkill[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    if (typeof text !== 'string' || limit <= 0) return [];
    const tokens = tokenise(text.length > maxChars ? text.slice(0, maxChars) : text);
    const n = tokens.length;
    if (!n) return [];
    const stemIds = new Int32Array(n);
    const rootIds = new Int32Array(n);
    const positions = new Map<number, number[]>(); // root id → token positions
    // Presence of a root in this text is `seen[root] === stamp`: no per-call allocation or clearing.
    if (++stamp === 2 ** 31 - 1) {
      seen.fill(0);
      stamp = 1;
    }
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      stemIds[i] = vocab.get(t.stem) ?? -1;
      const r = t.stop ? -1 : (vocab.get(t.root) ?? -1);
      rootIds[i] = r;
      if (r >= 0) {
        seen[r] = stamp;
        const list = positions.get(r);
        if (list) list.push(i);
        else positions.set(r, [i]);
      }
    }
    const hits: Hit[] = [];

    // 1-3. Phrase matches through the trie, with at most one coordination skip.
    const used: number[] = [];
    const record = (refs: PhraseRef[], from: number, to: number, skipped: boolean) => {
      const toks = used.map((i) => tokens[i]!);
      const ok = refs.length === 1 && !refs[0]!.cased ? refs : refs.filter((r) => casingOk(r, toks));
      if (!ok.length) return;
      const surface = toks.map((t) => t.norm).join(' ');
      const competing = ok.length - 1;
      const prefCompetitor = competing > 0 && ok.some((r) => isPreferred(r.kind));
      for (const ref of ok) {
        const exact = surface === ref.norm;
        // A single word in another form is weak: "crafted" is not "crafting", "ecosystem" not "ecosystems".
        let conf = ref.weight * (exact ? 1 : ref.content === 1 ? STEMMED * STEMMED : STEMMED);
        // Several skills share the surface: the one whose preferred label it is keeps most of the weight.
        if (competing) conf /= 1 + (isPreferred(ref.kind) ? 0.05 : prefCompetitor ? 1 : 0.3) * competing;
        const inContext = ref.context?.some((r) => seen[r] === stamp) ?? false;
        if (inContext) conf = Math.min(1, conf + 0.1);
        if (skipped) conf *= COORDINATION;
        hits.push({ skill: ref.skill, conf, from, to, ref, bagRef: null, exact, skipped, inContext, nested: false, complete: true });
      }
    };
    const walk = (from: number, pos: number, node: number, skipped: boolean) => {
      const refs = terminal[node];
      if (refs) record(refs, from, pos, skipped);
      if (used.length >= MAX_PHRASE_TOKENS) return;
      // Skip at most two articles ("all the", "a"): a match never spans a long run of them.
      let q = pos + 1;
      while (q < n && q <= pos + 2 && tokens[q]!.det && !tokens[q]!.brk) q++;
      if (q >= n || tokens[q]!.brk || tokens[q]!.det) return;
      const child = edges.get(node * EDGE_SPAN + stemIds[q]!);
      if (child !== undefined) {
        used.push(q);
        walk(from, q, child, skipped);
        used.pop();
      }
      // "A and B C" → "A C"; "A, B C" → "A C".
      if (!skipped && (tokens[q]!.conj || tokens[q]!.sep)) {
        const first = tokens[q]!.conj ? q + 1 : q;
        for (let next = first + 1; next <= first + MAX_SKIP && next < n; next++) {
          const skippedToken = tokens[next - 1]!;
          if ((next - 1 !== q && skippedToken.brk) || (next - 1 >= first && skippedToken.conj) || tokens[next]!.brk) break;
          if (tokens[next]!.conj || tokens[next]!.det) continue;
          const across = edges.get(node * EDGE_SPAN + stemIds[next]!);
          if (across === undefined) continue;
          used.push(next);
          walk(from, next, across, true);
          used.pop();
        }
      }
    };
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      if (t.det || t.conj || stemIds[i]! < 0) continue;
      const node = edges.get(stemIds[i]!);
      if (node === undefined) continue;
      used.push(i);
      walk(i, i, node, false);
      used.pop();
    }

    // A shorter label inside a longer match of another skill is weaker evidence.
    const byStart: Hit[][] = [];
    let longest = 0;
    for (const h of hits) {
      (byStart[h.from] ??= []).push(h);
      longest = Math.max(longest, h.to - h.from);
    }
    // Longest match wins ("renewable energy" over "energy"), when the longer one is itself plausible.
    const covered = (skill: number, from: number, to: number, strict: boolean) => {
      for (let s = Math.max(0, from - longest); s <= from; s++) {
        for (const o of byStart[s] ?? []) {
          if (o.skill !== skill && o.conf >= 0.3 && o.to >= to && (!strict || o.to - o.from > to - from)) return true;
        }
      }
      return false;
    };
    for (const h of hits.filter((x) => covered(x.skill, x.from, x.to, true))) {
      h.conf *= NESTED;
      h.nested = true;
    }

    // 4. Word-order-free matches within one clause: each other root nearest the anchor, within a
    // window. All roots found: the label in another order; most of its weight (IDF) found: a
    // partial mention, scored low (a candidate to rank, not to accept).
    const matchBag = (entry: BagRef, p: number, anchor: number) => {
      const clause = tokens[p]!.clause;
      const size = entry.roots.length;
      const maxSpan = 2 * size + 2;
      let from = p;
      let to = p;
      let ordered = true;
      let last = p;
      let found = 0;
      let weight = 0;
      for (let i = 0; i < size; i++) {
        const r = entry.roots[i]!;
        if (r === anchor) {
          found++;
          weight += entry.idf[i]!;
          continue;
        }
        const list = positions.get(r);
        if (!list) continue;
        let best = -1;
        for (let k = 0; k < list.length; k++) {
          const q = list[k]!;
          const d = q > p ? q - p : p - q;
          if (d === 0 || d >= maxSpan || tokens[q]!.clause !== clause) continue;
          if (best < 0 || d < (best > p ? best - p : p - best)) best = q;
        }
        if (best < 0) continue;
        found++;
        weight += entry.idf[i]!;
        if (best < last) ordered = false;
        last = best;
        from = Math.min(from, best);
        to = Math.max(to, best);
      }
      const coverage = weight / entry.total;
      if (coverage < PARTIAL_MIN) return;
      const span = to - from + 1;
      if (span > maxSpan) return;
      let optionalFound = 0;
      for (const r of entry.optional) if (positions.get(r)?.some((q) => q >= from - 2 && q <= to + 2)) optionalFound++;
      const complete = found === size;
      let conf = entry.stem
        ? PARTIAL * entry.weight * (entry.optional.length && !optionalFound ? 0.7 : 1)
        : complete
          ? BAG * entry.weight * Math.sqrt(size / span) * (ordered ? 1 : 0.92)
          : PARTIAL * entry.weight * coverage * coverage * Math.sqrt(found / span);
      conf += 0.04 * optionalFound;
      const nested = covered(entry.skill, from, to, false);
      if (nested) conf *= NESTED;
      hits.push({ skill: entry.skill, conf, from, to, ref: null, bagRef: entry, exact: false, skipped: false, inContext: false, nested, complete });
    };
    for (let p = 0; p < n; p++) {
      const anchor = rootIds[p]!;
      const entries = anchor >= 0 ? bag.get(anchor) : undefined;
      if (!entries) continue;
      for (const entry of entries) {
        if (entry.stem) {
          if (sameWord(entry.stem, tokens[p]!.stem)) matchBag(entry, p, anchor);
          continue;
        }
        // Cheap test first (most entries fail it): enough of the label's weight occurs in the text at all.
        let weight = 0;
        let present = 0;
        for (let i = 0; i < entry.roots.length; i++) {
          if (seen[entry.roots[i]!] === stamp) {
            weight += entry.idf[i]!;
            present++;
          }
        }
        if (weight < entry.total && (weight < PARTIAL_MIN * entry.total || PARTIAL * entry.weight * (weight / entry.total) ** 2 < MIN_CANDIDATE)) continue;
        if (present > 1) matchBag(entry, p, anchor);
        else {
          // Only the anchor word is in the text: no window to search.
          const coverage = weight / entry.total;
          let conf = PARTIAL * entry.weight * coverage * coverage;
          const nested = covered(entry.skill, p, p, false);
          if (nested) conf *= NESTED;
          hits.push({ skill: entry.skill, conf, from: p, to: p, ref: null, bagRef: entry, exact: false, skipped: false, inContext: false, nested, complete: false });
        }
      }
    }

    // Best hit per skill; a skill mentioned again gains a little.
    const bySkill = new Map<number, { best: Hit; count: number }>();
    for (const h of hits) {
      const cur = bySkill.get(h.skill);
      if (!cur) bySkill.set(h.skill, { best: h, count: 1 });
      else {
        if (h.from > cur.best.to || h.to < cur.best.from) cur.count++;
        if (h.conf > cur.best.conf) cur.best = h;
      }
    }
    const out: ExtractedSkill[] = [];
    for (const [skill, { best, count }] of bySkill) {
      const confidence = Math.round(Math.min(0.99, best.conf + 0.03 * Math.min(3, count - 1)) * 1000) / 1000;
      if (confidence < minConfidence) continue;
      const s = skills[skill]!;
      const matched = text.slice(tokens[best.from]!.start, tokens[best.to]!.end);
      out.push({ id: s.id, label: s.label, sourceUri: s.sourceUri, confidence, matched, ...(options.explain ? { via: describe(best) } : {}) });
    }
    out.sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label));
    return out.slice(0, limit);
  }

  return { extract, stats };
}
