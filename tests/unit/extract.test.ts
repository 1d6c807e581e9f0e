import { describe, expect, it } from 'vitest';
import { buildSkillMatcher, DEFAULT_MIN_CONFIDENCE, type SkillEntry } from '@/lib/skills/extract';
import { porterStem, tokenise } from '@/lib/skills/extract-text';

/* A small fixed dictionary shaped like ESCO: preferred label, alternatives, skill/competence
 * labels as verb phrases, a parenthetical qualifier, acronyms and symbols. */
const entry = (id: string, label: string, altLabels: string[] = [], kind = 'knowledge'): SkillEntry => ({
  id,
  label,
  altLabels,
  sourceUri: `https://example.org/skill/${id}`,
  kind,
});

const dictionary: SkillEntry[] = [
  entry('python', 'Python (computer programming)', ['Python3']),
  entry('staff', 'manage staff', ['supervise staff'], 'skill/competence'),
  entry('sheets', 'use spreadsheets software', ['use spreadsheets program'], 'skill/competence'),
  entry('ml', 'machine learning', ['ML']),
  entry('learning', 'learning technologies'),
  entry('pm', 'project management', ['managing projects']),
  entry('csharp', 'C#', ['C Sharp']),
  entry('aspnet', 'ASP.NET'),
  entry('node', 'Node.js'),
  entry('less', 'LESS'),
  entry('market', 'market analysis'),
  entry('budget', 'budget allocation'),
  entry('cloud', 'cloud technologies', ['cloud computing']),
  entry('comm', 'communication'),
  entry('teams', 'work in teams', ['team-working'], 'skill/competence'),
  entry('ecom', 'e-commerce systems'),
];

const matcher = buildSkillMatcher(dictionary);
const ids = (text: string, minConfidence?: number) => matcher.extract(text, { minConfidence }).map((s) => s.id);

describe('text primitives', () => {
  it('stems inflections together and keeps derivations apart in light mode', () => {
    expect(['manage', 'managing', 'managed', 'manages'].map((w) => porterStem(w, false))).toEqual(['manag', 'manag', 'manag', 'manag']);
    expect(porterStem('technologies', false)).toBe(porterStem('technology', false));
    expect(porterStem('community', false)).not.toBe(porterStem('communication', false));
    expect(porterStem('communication', true)).toBe('commun');
  });

  it('keeps meaningful symbols and offsets', () => {
    const tokens = tokenise('Use C++, C#, .NET and Node.js; R&D.');
    expect(tokens.map((t) => t.norm)).toEqual(['use', 'c++', 'c#', '.net', 'and', 'node.js', 'r&d']);
    expect(tokens[3]).toMatchObject({ start: 13, end: 17, cased: '.NET' });
  });

  it('normalises width, accents and British spelling', () => {
    expect(tokenise('ｊａｖａ')[0]!.norm).toBe('java');
    expect(tokenise('Café')[0]!.norm).toBe('cafe');
    expect(tokenise('organisation')[0]!.stem).toBe(tokenise('organization')[0]!.stem);
    expect(tokenise('analysing')[0]!.stem).toBe(tokenise('analyzed')[0]!.stem);
  });
});

describe('buildSkillMatcher().extract', () => {
  it('returns the API shape, the matched phrase quoted from the input', () => {
    expect(matcher.extract('We use Python for machine learning.')).toEqual([
      { id: 'ml', label: 'machine learning', sourceUri: 'https://example.org/skill/ml', confidence: expect.any(Number), matched: 'machine learning' },
      { id: 'python', label: 'Python (computer programming)', sourceUri: 'https://example.org/skill/python', confidence: expect.any(Number), matched: 'Python' },
    ]);
  });

  it('matches inflected verb phrases', () => {
    const found = matcher.extract('Managing staff and using spreadsheet software');
    expect(found.map((s) => [s.id, s.matched])).toEqual([
      ['sheets', 'using spreadsheet software'],
      ['staff', 'Managing staff'],
    ]);
  });

  it('matches a label without its parenthetical qualifier, higher with the qualifier in the text', () => {
    const bare = matcher.extract('python')[0]!;
    const withContext = matcher.extract('python programming')[0]!;
    expect(bare.id).toBe('python');
    expect(withContext.id).toBe('python');
    expect(withContext.confidence).toBeGreaterThan(bare.confidence);
  });

  it('matches symbols and dotted names', () => {
    expect(ids('Skills: C#, ASP.NET, node.js').sort()).toEqual(['aspnet', 'csharp', 'node']);
  });

  it('needs the casing of a label that is otherwise a stop word', () => {
    expect(ids('Write less code')).toEqual([]);
    expect(ids('Style sheets in LESS')).toEqual(['less']);
  });

  it('prefers the longest match: a label inside a longer one is weak', () => {
    const found = matcher.extract('machine learning', { minConfidence: 0 });
    expect(found[0]!.id).toBe('ml');
    expect(ids('machine learning')).toEqual(['ml']);
  });

  it('deduplicates a skill mentioned several times, keeping its best match', () => {
    const found = matcher.extract('project management, managing projects and more project management');
    expect(found.map((s) => s.id)).toEqual(['pm']);
    expect(found[0]!.matched).toBe('project management');
  });

  it('orders by confidence: preferred over alternative, exact over stemmed, full over core', () => {
    const found = matcher.extract('Cloud technologies. Supervise staff. ML.', { minConfidence: 0 });
    expect(found.map((s) => s.id)).toEqual(['cloud', 'staff', 'ml']);
    const confidences = found.map((s) => s.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
  });

  it('reads coordinated phrases ("budget and resource allocation" → budget allocation), less surely', () => {
    const [coordinated] = matcher.extract('budget and resource allocation', { minConfidence: 0 });
    const [plain] = matcher.extract('budget allocation');
    expect(coordinated).toMatchObject({ id: 'budget', matched: 'budget and resource allocation' });
    expect(plain).toMatchObject({ id: 'budget', matched: 'budget allocation' });
    expect(coordinated!.confidence).toBeLessThan(plain!.confidence);
  });

  it('suggests weaker matches below the default threshold: word order, core, derived forms', () => {
    expect(ids('an analysis of the market')).toEqual([]);
    expect(ids('an analysis of the market', 0)).toEqual(['market']);
    expect(ids('experience with cloud', 0)).toEqual(['cloud']);
    expect(ids('a good communicator', 0)).toEqual(['comm']);
    expect(ids('ecommerce and e-commerce', 0)).toEqual(['ecom']);
    for (const s of matcher.extract('cloud; communicator; analysis of the market', { minConfidence: 0 })) expect(s.confidence).toBeLessThan(DEFAULT_MIN_CONFIDENCE);
  });

  it('does not confuse unrelated words sharing a root', () => {
    expect(ids('community and experience', 0)).toEqual([]);
  });

  it('respects limit and minConfidence', () => {
    const text = 'Python, C#, ASP.NET, Node.js, machine learning, project management';
    expect(matcher.extract(text, { limit: 2 })).toHaveLength(2);
    expect(matcher.extract(text, { minConfidence: 1 })).toEqual([]);
    expect(matcher.extract(text, { limit: 0 })).toEqual([]);
  });
});

describe('bad input', () => {
  it('returns nothing for empty or blank text', () => {
    expect(matcher.extract('')).toEqual([]);
    expect(matcher.extract('   \n\t ')).toEqual([]);
    expect(matcher.extract(null as unknown as string)).toEqual([]);
    expect(matcher.extract(42 as unknown as string)).toEqual([]);
  });

  it('is graceful with non-Latin scripts, emoji and broken surrogates', () => {
    for (const text of ['机器学习和项目管理', 'إدارة المشاريع والتعلم الآلي', 'управление проектами и машинное обучение', '🚀🔥 ✨', '\ud800 broken \udc00', '\u0000\u0001']) {
      expect(() => matcher.extract(text)).not.toThrow();
      expect(matcher.extract(text)).toEqual([]);
    }
    expect(ids('Python и 机器学习')).toEqual(['python']);
  });

  it('handles 1 MB of text quickly (reads a bounded prefix)', () => {
    const huge = 'Managing staff with Python and machine learning; '.repeat(21_000);
    expect(huge.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const found = matcher.extract(huge);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(found.map((s) => s.id).sort()).toEqual(['ml', 'python', 'staff']);
    const oneWord = 'x'.repeat(1_000_000);
    expect(matcher.extract(oneWord)).toEqual([]);
  });

  it('builds from an empty or odd dictionary', () => {
    expect(buildSkillMatcher([]).extract('anything at all')).toEqual([]);
    const odd = buildSkillMatcher([entry('a', ''), entry('b', 'the'), entry('c', '()'), entry('d', 'x'.repeat(500)), entry('e', 'real skill', ['', '  '])]);
    expect(odd.extract('the real skills').map((s) => s.id)).toEqual(['e']);
  });
});

describe('performance', () => {
  it('processes ~1,500-character program texts fast with a large dictionary', () => {
    // 20,000 synthetic skills of 1–4 words over a 3,000-word vocabulary.
    const words = Array.from({ length: 3_000 }, (_, i) => `w${i.toString(36)}x`);
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0), (seed >>> 8) % n);
    const big: SkillEntry[] = Array.from({ length: 20_000 }, (_, i) => {
      const label = () => Array.from({ length: 1 + rand(4) }, () => words[rand(words.length)]).join(' ');
      return entry(`s${i}`, label(), [label(), label()]);
    });
    const started = performance.now();
    const m = buildSkillMatcher(big);
    const buildMs = performance.now() - started;
    const texts = Array.from({ length: 200 }, () => Array.from({ length: 220 }, () => (rand(3) ? words[rand(words.length)] : 'and the')).join(' ').slice(0, 1_500));
    const t0 = performance.now();
    for (const t of texts) m.extract(t);
    const perSecond = texts.length / ((performance.now() - t0) / 1000);
    expect(buildMs).toBeLessThan(30_000);
    expect(perSecond).toBeGreaterThan(20);
  });
});
