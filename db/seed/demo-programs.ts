import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ProgramInputRaw } from '@/lib/catalog/program-schema';
import { getIscedField } from '@/lib/catalog/isced-f';
import type { CredentialType, DeliveryMode, Pace, ProgramStatus } from '@/lib/catalog/vocabulary';
import { getCountry } from '@/lib/geo/regions';
import { referencePath } from '@/lib/reference-data';

/*
 * A deterministic demo catalogue of micro-credential programs built from the real
 * O*NET 29.3 occupations, tasks and hot technologies, spread over the countries
 * micro-credentials are discussed in. Providers, places and prices are fictional;
 * every description says so.
 */

export type DemoProgram = ProgramInputRaw & {
  externalId: string;
  title: string;
  summary: string;
  description: string;
  learningOutcomes: string[];
  providerName: string;
  providerCountry: string;
  providerWebsite: string;
  credentialType: CredentialType;
  fieldOfStudy: string;
  country: string;
  region: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  openWorldwide?: boolean;
  openCountries?: string[];
  deliveryMode: DeliveryMode;
  languages: string[];
  hours: number;
  ects?: number;
  weeks: number;
  pace: Pace;
  eqfLevel: number;
  assessmentType: string;
  isCreditBearing: boolean;
  creditValue?: number;
  creditQualification?: string;
  stacksInto: string[];
  prerequisites: string[];
  qaType: string;
  qaBody: string;
  cost: number;
  currency: string;
  fundingOptions: string[];
  startDates: string[];
  url: string;
  status: ProgramStatus;
  skills: string[];
};

export type DemoProgramOptions = { count?: number; seed?: number };

export const demoMarker = ' (Demo program generated from O*NET data.)';

// ---------------------------------------------------------------------------
// Seeded randomness: never Math.random, so every run of a seed is identical.

type Random = () => number;

function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const between = (rnd: Random, min: number, max: number) => min + rnd() * (max - min);
const intBetween = (rnd: Random, min: number, max: number) => Math.floor(between(rnd, min, max + 1));

function pickWeighted<T>(rnd: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let r = rnd() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** Stable choice by key (FNV-1a), so an occupation always gets the same field of study. */
function stableIndex(key: string, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % length;
}

// ---------------------------------------------------------------------------
// O*NET 29.3, read once per data folder with streaming line readers.

/**
 * `area` is what the technology is used for ("Data Analysis"); only technologies with one become
 * program subjects. Minor tools (word processors, slides) suit a badge but not a certificate.
 */
type Tech = { label: string; area?: string; weight: number; isSubject: boolean; isMinor: boolean };

type Occupation = {
  code: string;
  group: string;
  name: string;
  singular: string;
  description: string;
  jobZone: number;
  tasks: string[];
  techs: Tech[];
  subjectTechs: Tech[];
  skills: string[];
  field: string;
  licence?: string;
  certifications: string[];
  topics: readonly string[];
};

async function readTsv<const K extends string>(file: string, columns: readonly K[], onRow: (row: Record<K, string>) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let indexes: number[] | undefined;
  for await (const line of lines) {
    if (!line) continue;
    const cells = line.split('\t');
    if (!indexes) {
      const header = cells.map((cell) => cell.replace(/^\uFEFF/, '').trim());
      indexes = columns.map((name) => {
        const index = header.indexOf(name);
        if (index < 0) throw new Error(`${path.basename(file)} has no column "${name}"`);
        return index;
      });
      continue;
    }
    const row = {} as Record<K, string>;
    for (let j = 0; j < columns.length; j++) row[columns[j]!] = cells[indexes[j]!] ?? '';
    onRow(row);
  }
}

const onetFile = (name: string) => referencePath('onet-29.3', name);

type ElementScores = Map<string, Map<string, number>>;

/** Importance (IM) per occupation and element, without rows O*NET recommends suppressing. */
async function readImportance(file: string): Promise<ElementScores> {
  const scores: ElementScores = new Map();
  await readTsv(file, ['O*NET-SOC Code', 'Element Name', 'Scale ID', 'Data Value', 'Recommend Suppress'], (row) => {
    if (row['Scale ID'] !== 'IM' || row['Recommend Suppress'] === 'Y') return;
    let byElement = scores.get(row['O*NET-SOC Code']);
    if (!byElement) scores.set(row['O*NET-SOC Code'], (byElement = new Map()));
    byElement.set(row['Element Name'], Number(row['Data Value']));
  });
  return scores;
}

/** The elements an occupation rates well above the average occupation: what sets it apart, not "reading comprehension". */
function distinctiveElements(scores: ElementScores, means: Map<string, number>, code: string, take: number): string[] {
  const mine = scores.get(code);
  if (!mine) return [];
  return [...mine]
    .filter(([, value]) => value >= 3)
    .map(([name, value]) => [name, value - (means.get(name) ?? 0)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, take)
    .map(([name]) => lowerWords(name));
}

function elementMeans(scores: ElementScores): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const byElement of scores.values()) {
    for (const [name, value] of byElement) {
      const sum = sums.get(name) ?? [0, 0];
      sums.set(name, [sum[0] + value, sum[1] + 1]);
    }
  }
  return new Map([...sums].map(([name, [total, n]]) => [name, total / n]));
}

// Residual, military and doctor/lawyer/professor occupations do not make believable micro-credential audiences.
const isExcludedOccupation = (code: string, title: string) => /All Other/.test(title) || /^(55-|25-1|29-12|23-1|11-1031)/.test(code);

async function loadOccupations(): Promise<Occupation[]> {
  const titles = new Map<string, { title: string; description: string }>();
  const tasks = new Map<string, string[]>();
  const jobZones = new Map<string, number>();
  const techRows: Array<{ code: string; example: string; commodity: string; isInDemand: boolean }> = [];

  const [skills, knowledge] = await Promise.all([
    readImportance(onetFile('Skills.from_xlsx.tsv')),
    readImportance(onetFile('Knowledge.from_xlsx.tsv')),
    readTsv(onetFile('Occupation Data.txt'), ['O*NET-SOC Code', 'Title', 'Description'], (row) => {
      titles.set(row['O*NET-SOC Code'], { title: row.Title, description: row.Description });
    }),
    readTsv(onetFile('Task Statements.txt'), ['O*NET-SOC Code', 'Task', 'Task Type'], (row) => {
      if (row['Task Type'] !== 'Core') return;
      const list = tasks.get(row['O*NET-SOC Code']) ?? [];
      if (list.length < 12) list.push(shortenTask(row.Task));
      tasks.set(row['O*NET-SOC Code'], list);
    }),
    readTsv(onetFile('Job Zones.txt'), ['O*NET-SOC Code', 'Job Zone'], (row) => {
      jobZones.set(row['O*NET-SOC Code'], Number(row['Job Zone']));
    }),
    readTsv(onetFile('Technology Skills.txt'), ['O*NET-SOC Code', 'Example', 'Commodity Title', 'Hot Technology', 'In Demand'], (row) => {
      const isInDemand = row['In Demand'] === 'Y';
      if (row['Hot Technology'] === 'Y' || isInDemand) techRows.push({ code: row['O*NET-SOC Code'], example: row.Example, commodity: row['Commodity Title'], isInDemand });
    }),
  ]);

  // How many occupations list a technology: near-universal office tools make poor subjects outside office work.
  const spread = new Map<string, number>();
  for (const row of techRows) spread.set(row.example, (spread.get(row.example) ?? 0) + 1);

  const techsByCode = new Map<string, Tech[]>();
  for (const row of techRows) {
    const label = techLabel(row.example);
    const group = row.code.slice(0, 2);
    const isCommonTool = (spread.get(row.example) ?? 0) > 250 && !officeGroups.has(group);
    const list = techsByCode.get(row.code) ?? [];
    if (list.some((tech) => tech.label === label)) continue;
    const area = techAreas[label] ?? commodityAreas[row.commodity];
    // O*NET lists e.g. Angular for purchasing agents; unless postings for the occupation ask for it, keep such pairings rare.
    const isOffField = !!area && developerAreas.has(area) && !technicalGroups.has(group) && !row.isInDemand;
    list.push({
      label,
      area,
      weight: (row.isInDemand ? 3 : 1) * (isCommonTool ? 0.12 : 1) * (isOffField ? 0.1 : 1),
      isSubject: !!area && isSubjectTech(label),
      isMinor: !area || minorAreas.has(area),
    });
    techsByCode.set(row.code, list);
  }

  const [skillMeans, knowledgeMeans] = [elementMeans(skills), elementMeans(knowledge)];
  const occupations: Occupation[] = [];
  for (const [code, { title, description }] of titles) {
    const occupationTasks = tasks.get(code) ?? [];
    if (isExcludedOccupation(code, title) || occupationTasks.length < 2) continue;
    const group = code.slice(0, 2);
    const soc = code.slice(0, 7);
    const name = occupationNames[soc] ?? occupationName(title);
    const techs = techsByCode.get(code) ?? [];
    occupations.push({
      code,
      group,
      name,
      singular: singularName(name),
      description: firstSentence(description),
      jobZone: jobZones.get(code) ?? 3,
      tasks: occupationTasks,
      techs,
      subjectTechs: techs.filter((tech) => tech.isSubject),
      skills: [...distinctiveElements(skills, skillMeans, code, 2), ...distinctiveElements(knowledge, knowledgeMeans, code, 1)],
      field: fieldFor(code),
      licence: licences[soc],
      certifications: certifications[code] ?? certifications[soc] ?? [],
      topics: byPrefix(topicTable, code) ?? genericTopics,
    });
  }
  return occupations;
}

let occupationCache: { dir: string; occupations: Promise<Occupation[]> } | undefined;

/** Parsed once per process and data folder: a 100,000-program benchmark reuses it. */
function occupationsFor(dir: string): Promise<Occupation[]> {
  if (occupationCache?.dir !== dir) {
    const occupations = loadOccupations();
    occupations.catch(() => (occupationCache = undefined));
    occupationCache = { dir, occupations };
  }
  return occupationCache.occupations;
}

// ---------------------------------------------------------------------------
// Turning O*NET wording into catalogue wording.

/** "Bookkeeping, Accounting, and Auditing Clerks" → "Bookkeeping Clerks"; "Cooks, Restaurant" → "Cooks". */
function occupationName(title: string): string {
  const parts = title.split(', ');
  const first = parts[0]!;
  if (parts.length === 1 || /s$/.test(first)) return first.replace(/\/[A-Za-z-]+$/, '');
  const listEnd = parts.find((part) => part.startsWith('and ')) ?? parts[parts.length - 1]!;
  return `${first} ${listEnd.split(' ').at(-1)}`.replace(/\/[A-Za-z-]+$/, '');
}

function singularWord(word: string): string {
  if (/men$/.test(word)) return word.replace(/men$/, 'man');
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|ch|sh|x)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const replaceLastWord = (text: string, fn: (word: string) => string) => text.replace(/(\S+)$/, (word) => fn(word));

/** "Secretaries and Administrative Assistants" → "Secretary"; "Heavy and Tractor-Trailer Truck Drivers" → "Tractor-Trailer Truck Driver". */
function singularName(name: string): string {
  const parts = name.split(' and ');
  if (parts.length === 1) return replaceLastWord(name, singularWord);
  const before = parts[0]!;
  return replaceLastWord(/s$/.test(before) ? before : parts[parts.length - 1]!, singularWord);
}

/** Lower-case title-cased words for use mid-sentence, keeping acronyms such as BIM or HVAC. */
function lowerWords(text: string): string {
  return text.replace(/\b[A-Z][a-z][\w'-]*/g, (word) => word.toLowerCase());
}

function firstSentence(text: string): string {
  const match = /^(.+?[a-z)]\.)(\s|$)/.exec(text);
  let sentence = match ? match[1]! : text;
  if (sentence.length > 240) sentence = `${sentence.slice(0, sentence.lastIndexOf(', ', 220))}.`;
  return /^[A-Z][a-z]/.test(sentence) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence;
}

/** A task statement as a learning outcome: no full stop, and long lists cut at a clause boundary. */
function shortenTask(task: string): string {
  let text = task.trim().replace(/\.$/, '');
  if (text.length > 170) {
    const cut = Math.max(text.lastIndexOf(', ', 160), text.lastIndexOf('; ', 160));
    if (cut > 60) text = text.slice(0, cut);
  }
  return text;
}

const techLabelOverrides: Record<string, string> = {
  'Structured query language SQL': 'SQL',
  'Hypertext markup language HTML': 'HTML',
  'Cascading style sheets CSS': 'CSS',
  'Extensible markup language XML': 'XML',
  'JavaScript Object Notation JSON': 'JSON',
  'The MathWorks MATLAB': 'MATLAB',
  'Oracle Java': 'Java',
  'Microsoft Office software': 'Microsoft Office',
  'Epic Systems': 'Epic',
  'ESRI ArcGIS software': 'ArcGIS',
  'Intuit QuickBooks': 'QuickBooks',
  'Atlassian JIRA': 'Jira',
  'Dassault Systemes SolidWorks': 'SolidWorks',
  'Trimble SketchUp Pro': 'SketchUp',
  'Oracle Primavera Enterprise Project Portfolio Management': 'Primavera P6',
  'Amazon Web Services AWS CloudFormation': 'AWS CloudFormation',
  'Shell script': 'Shell scripting',
  'Google Angular': 'Angular',
  'Jenkins CI': 'Jenkins',
  'IBM Terraform': 'Terraform',
  'Geographic information system GIS systems': 'GIS',
  'Learning management system LMS': 'Learning management systems',
  'Henry Schein Dentrix': 'Dentrix',
};

/** "Amazon Web Services AWS software" → "Amazon Web Services (AWS)". */
function techLabel(example: string): string {
  const override = techLabelOverrides[example];
  if (override) return override;
  const words = example.replace(/ software$/, '').split(' ');
  const last = words.at(-1)!;
  if (words.length > 2 && /^[A-Z][A-Z0-9]+$/.test(last)) {
    const lead = words.slice(0, -1);
    const initials = lead.filter((word) => !['for', 'of', 'and'].includes(word)).map((word) => word[0]!.toUpperCase()).join('');
    if (initials.endsWith(last)) return `${lead.map((word) => (/^[a-z]/.test(word) && !['for', 'of', 'and'].includes(word) ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ')} (${last})`;
  }
  return words.join(' ');
}

// Tools that are fine as skills but odd as the subject of a course title.
const nonSubjectTechs = new Set([
  'Facebook', 'Zoom', 'Slack', 'Microsoft Teams', 'Cisco Webex', 'Google Meet', 'Mozilla Firefox', 'Apple Safari', 'Microsoft Edge',
  'TikTok', 'Google', 'Apple macOS', 'Apple iOS', 'Magellan Firmware', 'Google Docs', 'Google Sheets', 'Microsoft Outlook', 'Microsoft Windows',
]);
const isSubjectTech = (label: string) => !nonSubjectTechs.has(label) && /^([A-Z0-9]|[a-z][A-Z])/.test(label) && !/\b(software|systems?|applications|libraries|databases)$/.test(label);

const officeGroups = new Set(['43', '13', '11', '41']);
const technicalGroups = new Set(['15', '17', '19', '27']);
const developerAreas = new Set([
  'Software Development', 'Web Development', 'Web Design', 'DevOps', 'Data Engineering', 'Big Data', 'Cloud Infrastructure', 'Embedded Programming',
  'Version Control', 'Automation', 'Application Deployment', 'Systems Integration', 'Software Testing', 'Interface Design', 'Machine Learning',
]);
const minorAreas = new Set(['Presentations', 'Business Writing', 'Office Productivity', 'Document Management', 'Team Documentation', 'Workflow Management', 'Cloud Collaboration']);

// What a technology is used for, to title courses such as "Python for Data Analysis".
const techAreas: Record<string, string> = {
  'Amazon Web Services (AWS)': 'Cloud Computing',
  'Microsoft Azure': 'Cloud Computing',
  'Amazon Elastic Compute Cloud EC2': 'Cloud Computing',
  'AWS CloudFormation': 'Cloud Infrastructure',
  'Amazon Redshift': 'Data Warehousing',
  Python: 'Data Analysis',
  R: 'Statistical Analysis',
  SQL: 'Data Analysis',
  'Microsoft Excel': 'Data Analysis',
  'Microsoft Access': 'Database Management',
  Tableau: 'Data Visualisation',
  'Microsoft Power BI': 'Business Intelligence',
  SAS: 'Statistical Analysis',
  'IBM SPSS Statistics': 'Statistical Analysis',
  MATLAB: 'Engineering Computation',
  'Autodesk AutoCAD': 'Technical Drawing',
  'Autodesk AutoCAD Civil 3D': 'Civil Design',
  'Autodesk Revit': 'Building Information Modelling (BIM)',
  SolidWorks: '3D Modelling',
  SketchUp: '3D Modelling',
  'Bentley MicroStation': 'Technical Drawing',
  'Adobe Photoshop': 'Digital Imaging',
  'Adobe Illustrator': 'Graphic Design',
  'Adobe InDesign': 'Publication Design',
  'Adobe After Effects': 'Motion Graphics',
  'Adobe Creative Cloud': 'Graphic Design',
  Figma: 'UX Design',
  Salesforce: 'Customer Relationship Management',
  QuickBooks: 'Bookkeeping',
  SAP: 'Enterprise Resource Planning',
  'Microsoft Dynamics': 'Enterprise Resource Planning',
  'Oracle PeopleSoft': 'HR and Finance Systems',
  Workday: 'HR Systems',
  Epic: 'Electronic Health Records',
  MEDITECH: 'Electronic Health Records',
  'eClinicalWorks EHR': 'Electronic Health Records',
  Dentrix: 'Dental Practice Management',
  Linux: 'System Administration',
  UNIX: 'System Administration',
  'Red Hat Enterprise Linux': 'System Administration',
  'Microsoft Windows Server': 'System Administration',
  'Microsoft PowerShell': 'Automation',
  Bash: 'Automation',
  'Shell scripting': 'Automation',
  Git: 'Version Control',
  GitHub: 'Version Control',
  JavaScript: 'Web Development',
  TypeScript: 'Web Development',
  React: 'Web Development',
  Angular: 'Web Development',
  'Node.js': 'Web Development',
  HTML: 'Web Development',
  CSS: 'Web Design',
  PHP: 'Web Development',
  Drupal: 'Web Content Management',
  WordPress: 'Web Content Management',
  Java: 'Software Development',
  'C#': 'Software Development',
  'C++': 'Software Development',
  C: 'Embedded Programming',
  Go: 'Software Development',
  Ruby: 'Web Development',
  Scala: 'Data Engineering',
  'Apache Spark': 'Data Engineering',
  'Apache Hadoop': 'Big Data',
  'Apache Kafka': 'Data Engineering',
  Docker: 'DevOps',
  Kubernetes: 'DevOps',
  Ansible: 'DevOps',
  Terraform: 'Cloud Infrastructure',
  Jenkins: 'DevOps',
  'Splunk Enterprise': 'Security Monitoring',
  'Google Analytics': 'Web Analytics',
  HubSpot: 'Digital Marketing',
  'Marketo Marketing Automation': 'Marketing Automation',
  'Microsoft Project': 'Project Scheduling',
  'Primavera P6': 'Project Scheduling',
  Jira: 'Agile Project Management',
  'Atlassian Confluence': 'Team Documentation',
  'Microsoft SharePoint': 'Document Management',
  'Microsoft Visio': 'Process Mapping',
  ArcGIS: 'Geospatial Analysis',
  GIS: 'Geospatial Analysis',
  ServiceNow: 'IT Service Management',
  Yardi: 'Property Management',
  'Microsoft Word': 'Business Writing',
  'Microsoft PowerPoint': 'Presentations',
  'Microsoft Office': 'Office Productivity',
  'Adobe Acrobat': 'Document Management',
  TensorFlow: 'Machine Learning',
  PyTorch: 'Machine Learning',
  'Scikit-learn': 'Machine Learning',
  Selenium: 'Software Testing',
  Procore: 'Construction Management',
};

const commodityAreas: Record<string, string> = {
  'Data base user interface and query software': 'Data Analysis',
  'Spreadsheet software': 'Data Analysis',
  'Object or component oriented development software': 'Software Development',
  'Web platform development software': 'Web Development',
  'Development environment software': 'Software Development',
  'Enterprise resource planning ERP software': 'Enterprise Resource Planning',
  'Graphics or photo imaging software': 'Graphic Design',
  'Computer aided design CAD software': 'Technical Drawing',
  'Analytical or scientific software': 'Data Analysis',
  'Project management software': 'Project Management',
  'Document management software': 'Document Management',
  'Data base management system software': 'Database Administration',
  'Medical software': 'Electronic Health Records',
  'Web page creation and editing software': 'Web Design',
  'Process mapping and design software': 'Process Improvement',
  'Enterprise application integration software': 'Systems Integration',
  'Business intelligence and data analysis software': 'Business Intelligence',
  'Application server software': 'Application Deployment',
  'Customer relationship management CRM software': 'Customer Relationship Management',
  'Geographic information system': 'Geospatial Analysis',
  'Accounting software': 'Bookkeeping',
  'Desktop publishing software': 'Publication Design',
  'Video creation and editing software': 'Video Production',
  'File versioning software': 'Version Control',
  'Cloud-based management software': 'Cloud Computing',
  'Configuration management software': 'DevOps',
  'Sales and marketing software': 'Digital Marketing',
  'Program testing software': 'Software Testing',
  'Data mining software': 'Data Mining',
  'Operating system software': 'System Administration',
  'Human resources software': 'HR Systems',
  'Financial analysis software': 'Financial Analysis',
  'Object oriented data base management software': 'Database Administration',
  'Content workflow software': 'Workflow Management',
  'Cloud-based data access and sharing software': 'Cloud Collaboration',
  'Computer based training software': 'E-Learning Development',
  'Data base reporting software': 'Business Reporting',
  'Storage networking software': 'Cloud Storage',
  'Internet directory services software': 'Identity Management',
  'Time accounting software': 'Workforce Management',
  'Graphical user interface development software': 'Interface Design',
  'Network security and virtual private network VPN equipment software': 'Network Security',
  'Switch or router software': 'Networking',
  'Inventory management software': 'Inventory Management',
  'Map creation software': 'Mapping',
  'Computer aided manufacturing CAM software': 'CNC Programming',
  'Materials requirements planning logistics and supply chain software': 'Supply Chain Planning',
};

// Course topics by SOC code prefix (the longest prefix wins), for programs not built around one technology.
const topicTable: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['11-', ['Leading High-Performing Teams', 'Budgeting and Financial Oversight', 'Strategic Planning', 'Change Management', 'Operational Risk Management', 'Data-Driven Decision Making']],
  ['13-1', ['Business Process Analysis', 'Procurement and Contract Management', 'Regulatory Compliance', 'Risk Assessment', 'Stakeholder Communication']],
  ['13-1071', ['Recruitment and Selection', 'Employment Law Essentials', 'Workplace Investigations', 'Onboarding and Retention']],
  ['13-1161', ['Digital Marketing', 'Market Research Methods', 'Search Engine Optimisation', 'Customer Insights']],
  ['13-2', ['Financial Reporting', 'Tax Preparation', 'Risk Assessment', 'Regulatory Compliance', 'Payroll Administration', 'Financial Modelling']],
  ['15-', ['Data Analysis', 'Cloud Computing', 'Cybersecurity Fundamentals', 'Agile Software Development', 'Machine Learning', 'DevOps and Continuous Delivery', 'Database Design', 'IT Support']],
  ['15-2', ['Statistical Modelling', 'Machine Learning', 'Data Visualisation', 'Experimental Design']],
  ['17-', ['Quality Assurance', 'Engineering Project Management', 'Technical Drawing', 'Sustainable Design', 'Root Cause Analysis']],
  ['17-1', ['Building Information Modelling (BIM)', 'Sustainable Design', 'Building Codes and Standards', 'Site Planning']],
  ['17-3', ['Technical Drawing', 'Quality Assurance', 'Instrumentation and Calibration', 'Lean Manufacturing']],
  ['19-', ['Laboratory Safety', 'Good Laboratory Practice', 'Statistical Analysis', 'Scientific Data Management']],
  ['19-3', ['Survey Research Methods', 'Statistical Analysis', 'Qualitative Research', 'Policy Analysis']],
  ['19-4', ['Laboratory Safety', 'Environmental Monitoring', 'Sampling and Field Methods', 'Good Laboratory Practice']],
  ['21-', ['Trauma-Informed Practice', 'Case Management', 'Motivational Interviewing', 'Crisis Intervention', 'Mental Health First Aid']],
  ['23-', ['Legal Research and Writing', 'Contract Law Basics', 'E-Discovery', 'Privacy and Data Protection Law']],
  ['25-', ['Online Course Design', 'Inclusive Classroom Practice', 'Assessment and Feedback', 'Educational Technology', 'Adult Learning Principles']],
  ['27-', ['Content Marketing', 'Digital Storytelling', 'Portfolio Development', 'Copyright for Creators']],
  ['27-1', ['Graphic Design', 'UX Design', 'Design Thinking', 'Portfolio Development']],
  ['27-3', ['Content Marketing', 'Podcast Production', 'Media Relations', 'Writing for the Web']],
  ['27-4', ['Video Editing', 'Digital Photography', 'Live Sound Engineering', 'Lighting for Video']],
  ['29-', ['Patient Safety', 'Clinical Documentation', 'Infection Prevention and Control', 'Therapeutic Communication', 'Cultural Safety in Health Care']],
  ['29-114', ['Wound Care', 'Medication Administration', 'Infection Prevention and Control', 'Patient Assessment', 'Palliative Care', 'Geriatric Care', 'Acute Care']],
  ['29-2061', ['Wound Care', 'Medication Administration', 'Geriatric Care', 'Patient Assessment']],
  ['29-11', ['Patient Assessment', 'Clinical Documentation', 'Therapeutic Communication', 'Evidence-Based Practice']],
  ['29-20', ['Patient Safety', 'Medical Terminology', 'Quality Control', 'Infection Prevention and Control']],
  ['31-', ['Personal Care Skills', 'Medical Terminology', 'Infection Control', 'Safe Patient Handling', 'Dementia Care']],
  ['31-9091', ['Dental Radiography', 'Infection Control', 'Chairside Assisting']],
  ['31-9097', ['Phlebotomy', 'Infection Control', 'Specimen Handling']],
  ['33-', ['Conflict De-escalation', 'Emergency Response', 'Report Writing', 'Loss Prevention']],
  ['33-2', ['Fire Safety', 'Emergency Response', 'Incident Command']],
  ['35-', ['Food Safety and Sanitation', 'Menu Planning and Costing', 'Kitchen Management', 'Allergen Management']],
  ['35-3', ['Barista Skills', 'Food Safety and Sanitation', 'Customer Service Excellence', 'Responsible Service of Alcohol']],
  ['37-', ['Commercial Cleaning Standards', 'Chemical Safety', 'Facility Maintenance Basics']],
  ['37-3', ['Landscape Maintenance', 'Integrated Pest Management', 'Grounds Equipment Operation', 'Tree Care Basics']],
  ['39-', ['Customer Service Excellence', 'Event Planning', 'Working with Diverse Clients']],
  ['39-5', ['Salon Management', 'Client Consultation Skills', 'Colour Theory', 'Health and Hygiene in Salons']],
  ['39-9011', ['Early Childhood Development', 'Child Safeguarding', 'Play-Based Learning']],
  ['39-9031', ['Fitness Instruction', 'Exercise Programming', 'Nutrition Basics']],
  ['41-', ['Consultative Selling', 'Retail Merchandising', 'Customer Relationship Management', 'Negotiation Skills', 'E-commerce Sales']],
  ['43-', ['Office Administration', 'Records Management', 'Customer Service', 'Bookkeeping Fundamentals', 'Business Writing', 'Scheduling and Dispatch']],
  ['45-', ['Sustainable Agriculture', 'Farm Equipment Operation', 'Pesticide Safety', 'Forestry Operations']],
  ['47-', ['Blueprint Reading', 'Construction Safety', 'Working at Heights', 'Site Layout and Estimating', 'Green Building Practices']],
  ['47-2111', ['Electrical Code Essentials', 'Solar PV Installation', 'Blueprint Reading', 'Construction Safety']],
  ['49-', ['Preventive Maintenance', 'Electrical Troubleshooting', 'Hydraulics and Pneumatics', 'Workplace Safety']],
  ['49-2', ['Electrical Troubleshooting', 'Network Cabling', 'Electronic Test Equipment']],
  ['49-3', ['Engine Diagnostics', 'Electric Vehicle Maintenance', 'Brake Systems', 'Preventive Maintenance']],
  ['49-9021', ['HVAC Systems', 'Heat Pump Installation', 'Refrigerant Handling']],
  ['49-904', ['Programmable Logic Controllers (PLC)', 'Hydraulics and Pneumatics', 'Preventive Maintenance']],
  ['51-', ['Quality Control Inspection', 'Lean Manufacturing', 'Industrial Safety', 'Blueprint Reading']],
  ['51-4', ['CNC Machining', 'Welding Techniques', 'Blueprint Reading', 'Quality Control Inspection']],
  ['51-3', ['Food Safety and Sanitation', 'Hazard Analysis and Critical Control Points (HACCP)', 'Quality Control Inspection']],
  ['53-', ['Logistics Coordination', 'Dangerous Goods Handling', 'Transport Safety']],
  ['53-3', ['Defensive Driving', 'Fleet Safety', 'Dangerous Goods Handling', 'Hours-of-Service Compliance']],
  ['53-7', ['Warehouse Operations', 'Forklift Safety', 'Dangerous Goods Handling', 'Inventory Control']],
];
const genericTopics = ['Workplace Communication', 'Problem Solving', 'Digital Skills'];

/** Longest-prefix lookup in a table keyed by SOC code prefix. */
function byPrefix<T>(table: ReadonlyArray<readonly [string, T]>, code: string): T | undefined {
  let best: T | undefined;
  let bestLength = 0;
  for (const [prefix, value] of table) {
    if (prefix.length > bestLength && code.startsWith(prefix)) [best, bestLength] = [value, prefix.length];
  }
  return best;
}

// Where the generic O*NET title makes a poor audience name.
const occupationNames: Record<string, string> = {
  '43-3031': 'Bookkeepers',
  '49-9021': 'HVAC Technicians',
  '21-1021': 'Child and Family Social Workers',
  '29-2061': 'Licensed Practical Nurses',
  '43-6014': 'Administrative Assistants',
  '13-1141': 'Compensation Specialists',
  '35-3023': 'Fast Food Workers',
  '53-7062': 'Warehouse Workers',
  '11-9031': 'Early Childhood Administrators',
  '47-2152': 'Plumbers',
  '53-7051': 'Forklift Operators',
};

// ISCED-F 2013 detailed fields by SOC code prefix; the longest prefix wins.
const fieldTable: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['15-121', ['0613']], ['15-1231', ['0612', '0611']], ['15-1232', ['0611']], ['15-124', ['0612']], ['15-125', ['0613']], ['15-1299', ['0613', '0612']],
  ['15-2', ['0542', '0541']], ['15-', ['0613', '0612', '0611']],
  ['13-1161', ['0414']], ['13-201', ['0411']], ['13-208', ['0411']], ['13-2', ['0412', '0411']], ['13-', ['0411', '0412']],
  ['11-2', ['0414']], ['11-3031', ['0412']], ['11-', ['0413']],
  ['29-114', ['0913']], ['29-2061', ['0913']], ['29-102', ['0911']], ['29-1292', ['0911']], ['29-105', ['0916']], ['29-2052', ['0916']],
  ['29-11', ['0915']], ['29-20', ['0914']], ['29-', ['0913', '0912', '0914']],
  ['31-1', ['0913', '0921']], ['31-2', ['0915']], ['31-9091', ['0911']], ['31-', ['0914', '0913']],
  ['47-2111', ['0713']], ['47-', ['0732']],
  ['49-2', ['0714', '0713']], ['49-3', ['0716']], ['49-9021', ['0713']], ['49-', ['0715', '0713', '0716']],
  ['51-3', ['0721']], ['51-4', ['0715']], ['51-6', ['0723']], ['51-7', ['0722']], ['51-8', ['0713', '0711']], ['51-', ['0715', '0722']],
  ['53-', ['1041']], ['35-', ['1013']], ['43-', ['0415', '0416']], ['41-3021', ['0412']], ['41-', ['0416', '0414']],
  ['25-2011', ['0112']], ['25-', ['0114', '0111']], ['21-', ['0923']], ['33-', ['1032']], ['23-', ['0421']],
  ['17-2071', ['0713']], ['17-2072', ['0714']], ['17-1', ['0731']], ['17-', ['0710', '0714', '0731']],
  ['19-1', ['0511']], ['19-2031', ['0531']], ['19-2', ['0533', '0532', '0531']], ['19-3', ['0311', '0313', '0314']], ['19-', ['0511', '0531']],
  ['27-1024', ['0211']], ['27-1', ['0212', '0213']], ['27-2', ['0215']], ['27-3', ['0321', '0211']], ['27-', ['0211', '0213']],
  ['37-3', ['0812']], ['37-', ['1011', '0812']],
  ['39-5', ['1012']], ['39-9011', ['0922']], ['39-9031', ['1014']], ['39-7', ['1015']], ['39-', ['1012', '0922', '1015']],
  ['45-4', ['0821']], ['45-3', ['0831']], ['45-', ['0811', '0812']],
];

function fieldFor(code: string): string {
  const fields = byPrefix(fieldTable, code) ?? ['0413'];
  return fields[stableIndex(code, fields.length)]!;
}

const qualificationSubjects: Record<string, string> = {
  '0613': 'Computer Programming', '0612': 'Network and Database Administration', '0611': 'Computer Applications', '0542': 'Data Analytics', '0541': 'Applied Mathematics',
  '0411': 'Accounting', '0412': 'Finance', '0413': 'Business Administration', '0414': 'Marketing', '0415': 'Office Administration', '0416': 'Retail Management', '0421': 'Paralegal Studies',
  '0913': 'Practical Nursing', '0911': 'Dental Assisting', '0912': 'Health Sciences', '0914': 'Medical Laboratory Technology', '0915': 'Rehabilitation Therapy', '0916': 'Pharmacy Technology',
  '0921': 'Personal Support Work', '0922': 'Early Childhood Education', '0923': 'Social Service Work',
  '0713': 'Electrical Engineering Technology', '0714': 'Electronics Engineering Technology', '0715': 'Mechanical Technology', '0716': 'Automotive Technology',
  '0721': 'Food Processing Technology', '0722': 'Manufacturing Technology', '0723': 'Textile Technology', '0711': 'Chemical Process Technology', '0710': 'Engineering Technology',
  '0731': 'Architectural Technology', '0732': 'Construction Engineering Technology', '1041': 'Supply Chain and Logistics', '1013': 'Culinary Management', '1032': 'Public Safety',
  '0114': 'Education', '0111': 'Adult Education', '0112': 'Early Childhood Education', '0511': 'Biotechnology', '0531': 'Chemical Laboratory Technology', '0532': 'Geoscience', '0533': 'Applied Physics',
  '0311': 'Economics', '0313': 'Psychology', '0314': 'Sociology', '0321': 'Journalism', '0211': 'Digital Media Production', '0212': 'Design', '0213': 'Fine Arts', '0215': 'Music and Performing Arts',
  '1011': 'Facility Services Management', '0812': 'Horticulture', '1012': 'Esthetics and Cosmetology', '1014': 'Fitness and Health Promotion', '1015': 'Tourism and Hospitality',
  '0811': 'Agriculture', '0821': 'Forestry', '0831': 'Fisheries and Aquaculture',
};

// Regulated occupations get licensing programs; {Licence} follows the country's spelling.
const licences: Record<string, string> = {
  '53-7051': 'Forklift Operator {Licence}',
  '53-3032': 'Commercial Truck Driver {Licence} (Class 1)',
  '53-3052': 'Bus Driver {Licence} with Passenger Endorsement',
  '53-7021': 'Mobile Crane Operator {Licence}',
  '53-2011': 'Commercial Pilot {Licence} Ground School',
  '53-5021': 'Small Vessel Operator {Licence}',
  '47-2111': 'Electrician {Licence} Exam Preparation',
  '47-2152': 'Plumbing {Licence} Exam Preparation',
  '47-4011': 'Building Inspector {Licence} Exam Preparation',
  '49-9021': 'Refrigerant Handling {Licence}',
  '49-3011': 'Aircraft Maintenance Engineer {Licence} Preparation',
  '33-9032': 'Security Guard {Licence}',
  '41-9022': 'Real Estate Salesperson {Licence}',
  '41-3021': 'Life Insurance Agent {Licence}',
  '29-2061': 'Practical Nurse Licensure Exam Preparation',
  '29-1141': 'Registered Nurse Licensure Exam Preparation',
  '29-2042': 'Emergency Medical Technician Licensure Exam Preparation',
  '29-2052': 'Pharmacy Technician Registration Exam Preparation',
  '31-9091': 'Dental Radiography {Licence}',
  '39-5012': 'Cosmetology {Licence}',
  '39-5094': 'Esthetician {Licence}',
  '37-3012': 'Pesticide Applicator {Licence}',
};

// Well-known certifications, prepared for by exam-prep programs (full O*NET code first, then the SOC code).
const certifications: Record<string, string[]> = {
  '13-1082': ['Project Management Professional (PMP) Exam Prep', 'Certified Associate in Project Management (CAPM) Exam Prep'],
  '15-1299.09': ['Project Management Professional (PMP) Exam Prep', 'Certified ScrumMaster (CSM) Exam Prep'],
  '15-1299.08': ['AWS Certified Solutions Architect – Associate Exam Prep', 'Microsoft Azure Administrator (AZ-104) Exam Prep'],
  '15-1299.04': ['Certified Ethical Hacker (CEH) Exam Prep'],
  '15-1232': ['CompTIA A+ Exam Prep', 'ITIL 4 Foundation Exam Prep'],
  '15-1244': ['CompTIA Network+ Exam Prep', 'Cisco Certified Network Associate (CCNA) Exam Prep'],
  '15-1241': ['Cisco Certified Network Associate (CCNA) Exam Prep'],
  '15-1212': ['CompTIA Security+ Exam Prep', 'Certified Information Systems Security Professional (CISSP) Exam Prep'],
  '15-1252': ['AWS Certified Developer – Associate Exam Prep', 'Microsoft Azure Developer Associate Exam Prep'],
  '15-1242': ['Oracle Database SQL Certified Associate Exam Prep'],
  '15-2051': ['Certified Analytics Professional (CAP) Exam Prep', 'Microsoft Power BI Data Analyst (PL-300) Exam Prep'],
  '13-2011': ['Certified Management Accountant (CMA) Exam Prep', 'Certified Internal Auditor (CIA) Exam Prep'],
  '13-2051': ['Chartered Financial Analyst (CFA) Level I Exam Prep'],
  '13-2052': ['Certified Financial Planner (CFP) Exam Prep'],
  '43-3031': ['Certified Bookkeeper Exam Prep', 'QuickBooks Certified User Exam Prep'],
  '43-6014': ['Microsoft Office Specialist: Excel Certification Prep', 'Microsoft Office Specialist: Word Certification Prep'],
  '43-4051': ['Certified Customer Service Professional Exam Prep'],
  '13-1071': ['SHRM Certified Professional (SHRM-CP) Exam Prep'],
  '13-1161': ['Google Analytics Certification Prep', 'HubSpot Inbound Marketing Certification Prep'],
  '13-1081': ['Certified Supply Chain Professional (CSCP) Exam Prep'],
  '11-3071': ['Certified Supply Chain Professional (CSCP) Exam Prep', 'Certified in Logistics, Transportation and Distribution (CLTD) Exam Prep'],
  '11-9051': ['Food Protection Manager Certification Prep'],
  '35-2014': ['Food Handler Safety Certification'],
  '35-1012': ['Food Safety Supervisor Certification'],
  '31-1131': ['Certified Nursing Assistant (CNA) Exam Prep'],
  '31-9092': ['Certified Medical Assistant Exam Prep'],
  '29-2042': ['Basic Life Support (BLS) Provider Certification'],
  '33-2011': ['Firefighter I Certification Prep'],
  '49-3023': ['Automotive Service Excellence (ASE) Certification Prep'],
  '51-4121': ['Welder Qualification Test Prep: Flux-Cored Arc Welding', 'Welder Qualification Test Prep: Gas Metal Arc Welding'],
  '47-2061': ['Working at Heights Certification', 'Construction Site Safety Certification'],
  '53-7062': ['Warehouse Safety and Material Handling Certification'],
};

// Certifications many occupations in a group take.
const groupCertifications: Record<string, string[]> = {
  '29': ['Basic Life Support (BLS) Certification', 'Standard First Aid and CPR Certification'],
  '31': ['Standard First Aid and CPR Certification'],
  '47': ['Occupational Health and Safety Certification', 'Fall Protection Certification'],
  '49': ['Occupational Health and Safety Certification', 'Lockout/Tagout Safety Certification'],
  '51': ['Occupational Health and Safety Certification', 'Lockout/Tagout Safety Certification'],
  '53': ['Dangerous Goods Handling Certification', 'Occupational Health and Safety Certification'],
  '35': ['Food Safety Certification'],
  '33': ['Standard First Aid and CPR Certification'],
};

// ---------------------------------------------------------------------------
// Places, providers and national practice.

type CountryProfile = {
  currency: string;
  /** Local price of one US dollar of tuition, scaled to local price levels. */
  priceFactor: number;
  /** Learning hours per credit in the country's usual credit system. */
  hoursPerCredit: number;
  hasEcts: boolean;
  neighbours: string[];
  funding: string[];
  weight: number;
};

const countryProfiles: Record<string, CountryProfile> = {
  CA: { currency: 'CAD', priceFactor: 1.35, hoursPerCredit: 15, hasEcts: false, neighbours: ['CA', 'US'], funding: ['Canada Training Credit', 'Employer sponsorship'], weight: 21 },
  US: { currency: 'USD', priceFactor: 1, hoursPerCredit: 15, hasEcts: false, neighbours: ['US', 'CA'], funding: ['WIOA Individual Training Account', 'Employer tuition assistance', 'Post-9/11 GI Bill', 'Interest-free payment plan'], weight: 21 },
  GB: { currency: 'GBP', priceFactor: 0.8, hoursPerCredit: 10, hasEcts: false, neighbours: ['GB', 'IE'], funding: ['Employer sponsorship', 'Apprenticeship Levy funding'], weight: 12 },
  IE: { currency: 'EUR', priceFactor: 0.92, hoursPerCredit: 27, hasEcts: true, neighbours: ['IE', 'GB'], funding: ['Springboard+', 'Skillnet Ireland funding', 'Employer sponsorship'], weight: 5 },
  DE: { currency: 'EUR', priceFactor: 0.92, hoursPerCredit: 27, hasEcts: true, neighbours: ['DE', 'AT', 'CH'], funding: ['Bildungsgutschein (Agentur für Arbeit)', 'Aufstiegs-BAföG', 'Employer sponsorship'], weight: 8 },
  NL: { currency: 'EUR', priceFactor: 0.92, hoursPerCredit: 27, hasEcts: true, neighbours: ['NL', 'BE'], funding: ['SLIM subsidy', 'Levenlanglerenkrediet (lifelong learning credit)', 'Employer training budget'], weight: 6 },
  MY: { currency: 'MYR', priceFactor: 1.6, hoursPerCredit: 40, hasEcts: false, neighbours: ['MY', 'SG', 'BN'], funding: ['HRD Corp claimable', 'PTPTN education loan', 'Employer sponsorship'], weight: 8 },
  PH: { currency: 'PHP', priceFactor: 17, hoursPerCredit: 18, hasEcts: false, neighbours: ['PH'], funding: ['TESDA Training for Work Scholarship Program (TWSP)', 'Private Education Student Financial Assistance (PESFA)', 'Employer sponsorship'], weight: 6 },
  AU: { currency: 'AUD', priceFactor: 1.5, hoursPerCredit: 15, hasEcts: false, neighbours: ['AU', 'NZ'], funding: ['VET Student Loans', 'Fee-Free TAFE', 'Employer sponsorship'], weight: 8 },
  SG: { currency: 'SGD', priceFactor: 1.35, hoursPerCredit: 30, hasEcts: false, neighbours: ['SG', 'MY'], funding: ['SkillsFuture Credit', 'SkillsFuture Mid-Career Enhanced Subsidy', 'Union Training Assistance Programme (UTAP)'], weight: 6 },
};

const regionalFunding: Record<string, string[]> = {
  'CA-ON': ['Better Jobs Ontario', 'Canada-Ontario Job Grant'],
  'CA-BC': ['StudentAid BC', 'B.C. Employer Training Grant'],
  'CA-QC': ['Aide financière aux études (Québec)'],
  'CA-AB': ['Alberta Student Aid'],
  'GB-ENG': ['Advanced Learner Loan', 'Skills Bootcamps funding (Department for Education)'],
  'GB-SCT': ['Individual Training Account (Scotland)'],
  'GB-WLS': ['Personal Learning Account (Wales)'],
  'AU-VIC': ['Skills First (Victoria)'],
  'AU-NSW': ['Smart and Skilled (NSW)'],
};

// Real places within ~20 km of the region's point in regions.ts, so jittered pins stay inside the region's reach.
const cities: Record<string, ReadonlyArray<readonly [name: string, lat: number, lng: number]>> = {
  'CA-ON': [['Toronto', 43.653, -79.383], ['North York', 43.761, -79.411], ['Etobicoke', 43.62, -79.515]],
  'CA-BC': [['Victoria', 48.428, -123.365], ['Saanich', 48.484, -123.381], ['Langford', 48.45, -123.505]],
  'CA-QC': [['Québec City', 46.813, -71.208], ['Lévis', 46.803, -71.178]],
  'CA-AB': [['Edmonton', 53.546, -113.494], ['St. Albert', 53.63, -113.626], ['Sherwood Park', 53.541, -113.296]],
  'CA-NS': [['Halifax', 44.649, -63.575], ['Dartmouth', 44.671, -63.577]],
  'US-NY': [['Albany', 42.653, -73.757], ['Troy', 42.728, -73.692], ['Schenectady', 42.781, -73.853]],
  'US-CA': [['Sacramento', 38.582, -121.494], ['Rancho Cordova', 38.589, -121.303], ['West Sacramento', 38.58, -121.53]],
  'US-TX': [['Austin', 30.267, -97.743], ['Sunset Valley', 30.225, -97.815]],
  'US-WA': [['Olympia', 47.038, -122.9], ['Lacey', 47.034, -122.823], ['Tumwater', 47.007, -122.909]],
  'US-MA': [['Boston', 42.36, -71.058], ['Cambridge', 42.373, -71.11], ['Quincy', 42.253, -71.002]],
  'US-GA': [['Atlanta', 33.749, -84.388], ['Decatur', 33.775, -84.296]],
  'US-CO': [['Denver', 39.739, -104.99], ['Aurora', 39.729, -104.832], ['Lakewood', 39.705, -105.081]],
  'GB-ENG': [['London', 51.507, -0.128], ['Croydon', 51.376, -0.098], ['Wembley', 51.556, -0.28]],
  'GB-SCT': [['Edinburgh', 55.953, -3.188], ['Musselburgh', 55.942, -3.054], ['Dalkeith', 55.894, -3.068]],
  'GB-WLS': [['Cardiff', 51.481, -3.179], ['Newport', 51.588, -2.998], ['Barry', 51.399, -3.283]],
  'GB-NIR': [['Belfast', 54.597, -5.93], ['Lisburn', 54.516, -6.058]],
  'IE-L': [['Dublin', 53.35, -6.26], ['Dún Laoghaire', 53.294, -6.134], ['Swords', 53.46, -6.218]],
  'IE-M': [['Cork', 51.898, -8.471], ['Cobh', 51.851, -8.296]],
  'IE-C': [['Galway', 53.271, -9.049], ['Oranmore', 53.268, -8.928]],
  'DE-BY': [['Munich', 48.137, 11.575], ['Garching', 48.249, 11.651], ['Unterschleißheim', 48.28, 11.577]],
  'DE-BE': [['Berlin', 52.52, 13.405]],
  'DE-HH': [['Hamburg', 53.551, 9.993]],
  'DE-NW': [['Düsseldorf', 51.227, 6.773], ['Neuss', 51.198, 6.692], ['Ratingen', 51.297, 6.849]],
  'NL-NH': [['Haarlem', 52.381, 4.636], ['Amsterdam', 52.37, 4.895], ['Zaandam', 52.439, 4.826]],
  'NL-ZH': [['The Hague', 52.07, 4.3], ['Delft', 52.012, 4.357], ['Leiden', 52.16, 4.497]],
  'NL-UT': [['Utrecht', 52.091, 5.122], ['Amersfoort', 52.156, 5.389], ['Nieuwegein', 52.029, 5.081]],
  'MY-14': [['Kuala Lumpur', 3.139, 101.687]],
  'MY-10': [['Shah Alam', 3.073, 101.518], ['Petaling Jaya', 3.107, 101.607], ['Subang Jaya', 3.044, 101.581], ['Klang', 3.044, 101.445]],
  'MY-07': [['George Town', 5.414, 100.329], ['Bayan Lepas', 5.296, 100.26]],
  'MY-01': [['Johor Bahru', 1.492, 103.741], ['Iskandar Puteri', 1.42, 103.65]],
  'PH-00': [['Manila', 14.599, 120.984], ['Quezon City', 14.676, 121.044], ['Makati', 14.555, 121.024], ['Pasig', 14.576, 121.085], ['Taguig', 14.518, 121.051]],
  'PH-07': [['Cebu City', 10.316, 123.891], ['Mandaue', 10.324, 123.922], ['Lapu-Lapu', 10.31, 123.949]],
  'PH-11': [['Davao City', 7.073, 125.613]],
  'AU-VIC': [['Melbourne', -37.814, 144.963], ['Box Hill', -37.819, 145.122], ['Footscray', -37.8, 144.9]],
  'AU-NSW': [['Sydney', -33.869, 151.209], ['Burwood', -33.877, 151.104], ['Chatswood', -33.797, 151.181]],
  'AU-QLD': [['Brisbane', -27.47, 153.026], ['Chermside', -27.386, 153.031]],
  'AU-WA': [['Perth', -31.952, 115.861], ['Fremantle', -32.056, 115.745]],
  'SG-01': [['Singapore', 1.3, 103.84]],
  'SG-02': [['Singapore', 1.37, 103.89]],
  'SG-05': [['Singapore', 1.34, 103.72]],
};

type Focus = 'general' | 'digital' | 'health' | 'trades' | 'business' | 'hospitality' | 'logistics' | 'engineering' | 'community' | 'creative';

const focusGroups: Record<Focus, readonly string[] | null> = {
  general: null,
  digital: ['15', '13', '11', '43', '27', '41'],
  health: ['29', '31', '21', '39'],
  trades: ['47', '49', '51', '53', '17', '45', '37'],
  business: ['11', '13', '41', '43', '23', '35', '33'],
  hospitality: ['35', '37', '39', '41', '43', '11'],
  logistics: ['53', '49', '51', '47', '17', '43'],
  engineering: ['17', '19', '15', '51', '49', '47'],
  community: ['25', '21', '39', '33', '43', '29'],
  creative: ['27', '15', '41', '13'],
};

type ProviderKind = 'college' | 'university' | 'academy' | 'institute';
type Provider = { name: string; country: string; regions: readonly string[]; kind: ProviderKind; focus: Focus; isOnlineFirst?: boolean };

// Fictional providers; the first region is the main campus.
const providers: readonly Provider[] = [
  { name: 'Maple Ridge College', country: 'CA', regions: ['CA-ON'], kind: 'college', focus: 'general' },
  { name: 'Great Lakes Digital Academy', country: 'CA', regions: ['CA-ON'], kind: 'academy', focus: 'digital', isOnlineFirst: true },
  { name: 'Northshore Institute of Technology', country: 'CA', regions: ['CA-BC', 'CA-AB'], kind: 'institute', focus: 'engineering' },
  { name: 'Cégep de la Capitale', country: 'CA', regions: ['CA-QC'], kind: 'college', focus: 'general' },
  { name: 'Prairie Trades Institute', country: 'CA', regions: ['CA-AB'], kind: 'institute', focus: 'trades' },
  { name: 'Harbourfront School of Health Sciences', country: 'CA', regions: ['CA-NS', 'CA-ON'], kind: 'college', focus: 'health' },
  { name: 'Hudson Valley Workforce College', country: 'US', regions: ['US-NY'], kind: 'college', focus: 'general' },
  { name: 'Golden State Tech Academy', country: 'US', regions: ['US-CA'], kind: 'academy', focus: 'digital', isOnlineFirst: true },
  { name: 'Lone Star Career Institute', country: 'US', regions: ['US-TX'], kind: 'institute', focus: 'trades' },
  { name: 'Cascade Skills Institute', country: 'US', regions: ['US-WA'], kind: 'institute', focus: 'general' },
  { name: 'Bay Colony Professional School', country: 'US', regions: ['US-MA'], kind: 'university', focus: 'business' },
  { name: 'Peachtree Health Careers Institute', country: 'US', regions: ['US-GA'], kind: 'institute', focus: 'health' },
  { name: 'Rocky Mountain Workforce Academy', country: 'US', regions: ['US-CO'], kind: 'academy', focus: 'logistics' },
  { name: 'Thames Valley Digital Academy', country: 'GB', regions: ['GB-ENG'], kind: 'academy', focus: 'digital', isOnlineFirst: true },
  { name: 'Northgate College London', country: 'GB', regions: ['GB-ENG'], kind: 'college', focus: 'general' },
  { name: 'Firthside Skills Institute', country: 'GB', regions: ['GB-SCT'], kind: 'institute', focus: 'trades' },
  { name: 'Taff Valley College', country: 'GB', regions: ['GB-WLS'], kind: 'college', focus: 'community' },
  { name: 'Lagan Technical College', country: 'GB', regions: ['GB-NIR'], kind: 'college', focus: 'engineering' },
  { name: 'Liffey Institute of Technology', country: 'IE', regions: ['IE-L'], kind: 'institute', focus: 'general' },
  { name: 'Leeside Skills Academy', country: 'IE', regions: ['IE-M'], kind: 'academy', focus: 'trades' },
  { name: 'Corrib Digital Academy', country: 'IE', regions: ['IE-C'], kind: 'academy', focus: 'digital', isOnlineFirst: true },
  { name: 'Fingal Health Training Centre', country: 'IE', regions: ['IE-L'], kind: 'college', focus: 'health' },
  { name: 'Isar Akademie für Weiterbildung', country: 'DE', regions: ['DE-BY'], kind: 'academy', focus: 'general' },
  { name: 'Spree Digital Academy Berlin', country: 'DE', regions: ['DE-BE'], kind: 'academy', focus: 'digital', isOnlineFirst: true },
  { name: 'Hanse Technikum Hamburg', country: 'DE', regions: ['DE-HH'], kind: 'institute', focus: 'logistics' },
  { name: 'Rheinland Bildungswerk', country: 'DE', regions: ['DE-NW'], kind: 'institute', focus: 'trades' },
  { name: 'Alpenland Pflegeschule', country: 'DE', regions: ['DE-BY'], kind: 'college', focus: 'health' },
  { name: 'Kennemer Vakschool', country: 'NL', regions: ['NL-NH'], kind: 'college', focus: 'trades' },
  { name: 'Hofstad Digital Academy', country: 'NL', regions: ['NL-ZH'], kind: 'academy', focus: 'digital', isOnlineFirst: true },
  { name: 'Domstad Hogeschool voor Zorg', country: 'NL', regions: ['NL-UT'], kind: 'university', focus: 'health' },
  { name: 'Amstel Business School', country: 'NL', regions: ['NL-NH'], kind: 'university', focus: 'business' },
  { name: 'Klang Valley Skills Institute', country: 'MY', regions: ['MY-10'], kind: 'institute', focus: 'trades' },
  { name: 'Menara Digital Academy', country: 'MY', regions: ['MY-14'], kind: 'academy', focus: 'digital', isOnlineFirst: true },
  { name: 'Pinang Technical College', country: 'MY', regions: ['MY-07'], kind: 'college', focus: 'engineering' },
  { name: 'Selatan Polytechnic Institute', country: 'MY', regions: ['MY-01'], kind: 'institute', focus: 'general' },
  { name: 'Bukit Bintang Hospitality Academy', country: 'MY', regions: ['MY-14'], kind: 'academy', focus: 'hospitality' },
  { name: 'Pasig River Technical Institute', country: 'PH', regions: ['PH-00'], kind: 'institute', focus: 'trades' },
  { name: 'Makati Digital Skills Academy', country: 'PH', regions: ['PH-00'], kind: 'academy', focus: 'digital', isOnlineFirst: true },
  { name: 'Visayas Maritime and Technical College', country: 'PH', regions: ['PH-07'], kind: 'college', focus: 'logistics' },
  { name: 'Mindanao Health Sciences Institute', country: 'PH', regions: ['PH-11'], kind: 'institute', focus: 'health' },
  { name: 'Yarra Institute of Technology', country: 'AU', regions: ['AU-VIC'], kind: 'institute', focus: 'general' },
  { name: 'Southbank Digital Academy', country: 'AU', regions: ['AU-VIC'], kind: 'academy', focus: 'digital', isOnlineFirst: true },
  { name: 'Harbourside Skills Institute', country: 'AU', regions: ['AU-NSW'], kind: 'institute', focus: 'business' },
  { name: 'Moreton Bay Trades College', country: 'AU', regions: ['AU-QLD'], kind: 'college', focus: 'trades' },
  { name: 'Swan River Health Academy', country: 'AU', regions: ['AU-WA'], kind: 'academy', focus: 'health' },
  { name: 'Marina Bay Digital Institute', country: 'SG', regions: ['SG-01'], kind: 'institute', focus: 'digital', isOnlineFirst: true },
  { name: 'Punggol Skills Academy', country: 'SG', regions: ['SG-02'], kind: 'academy', focus: 'community' },
  { name: 'Jurong Engineering and Logistics Institute', country: 'SG', regions: ['SG-05'], kind: 'institute', focus: 'logistics' },
];

const slugify = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// Reserved example domains only (RFC 2606): demo links must never reach a real site.
const providerWebsite = (provider: Provider) => `https://${provider.kind === 'academy' ? 'example.com' : 'example.org'}/${slugify(provider.name)}`;

const usAccreditors: Record<string, string> = {
  'US-NY': 'Middle States Commission on Higher Education (MSCHE)',
  'US-CA': 'Accrediting Commission for Community and Junior Colleges (ACCJC)',
  'US-TX': 'Southern Association of Colleges and Schools Commission on Colleges (SACSCOC)',
  'US-WA': 'Northwest Commission on Colleges and Universities (NWCCU)',
  'US-MA': 'New England Commission of Higher Education (NECHE)',
  'US-GA': 'Southern Association of Colleges and Schools Commission on Colleges (SACSCOC)',
  'US-CO': 'Higher Learning Commission (HLC)',
};

const canadianApprovers: Record<string, string> = {
  'CA-ON': 'Ontario Ministry of Colleges and Universities',
  'CA-BC': 'Private Training Institutions Branch (British Columbia)',
  'CA-QC': "Ministère de l'Enseignement supérieur du Québec",
  'CA-AB': 'Alberta Advanced Education',
  'CA-NS': 'Nova Scotia Department of Advanced Education',
};

const ukRegulators: Record<string, readonly [string, string]> = {
  'GB-ENG': ['Ofqual-regulated qualification', 'Ofqual'],
  'GB-SCT': ['SCQF credit rating', 'Scottish Qualifications Authority (SQA)'],
  'GB-WLS': ['Regulated qualification', 'Qualifications Wales'],
  'GB-NIR': ['Regulated qualification', 'CCEA Regulation'],
};

function qualityAssurance(rnd: Random, provider: Provider, region: string, isOnline: boolean): readonly [type: string, body: string] {
  if (rnd() < 0.08) return ['Internal quality review', provider.name];
  const isHigherEd = provider.kind === 'university';
  switch (provider.country) {
    case 'CA':
      return ['Provincial ministry approval', canadianApprovers[region] ?? 'Provincial ministry of advanced education'];
    case 'US':
      return provider.kind === 'academy'
        ? ['Accredited continuing education', 'Accrediting Council for Continuing Education and Training (ACCET)']
        : ['Institutional accreditation', usAccreditors[region] ?? 'Higher Learning Commission (HLC)'];
    case 'GB':
      return isHigherEd ? ['Higher education quality review', 'Quality Assurance Agency for Higher Education (QAA)'] : ukRegulators[region] ?? ukRegulators['GB-ENG']!;
    case 'IE':
      return ['QQI validation', 'Quality and Qualifications Ireland (QQI)'];
    case 'DE':
      return isOnline
        ? ['ZFU approval (distance learning)', 'Staatliche Zentralstelle für Fernunterricht (ZFU)']
        : pick(rnd, [['AZAV certification', 'Fachkundige Stelle nach AZAV'], ['IHK examination', 'Industrie- und Handelskammer (IHK)']] as const);
    case 'NL':
      return isHigherEd ? ['Programme accreditation', 'Accreditation Organisation of the Netherlands and Flanders (NVAO)'] : ['CRKBO registration', 'Centraal Register Kort Beroepsonderwijs (CRKBO)'];
    case 'MY':
      return provider.focus === 'trades' || provider.focus === 'engineering'
        ? ['Skills accreditation (SKM)', 'Department of Skills Development (JPK)']
        : ['MQA accreditation', 'Malaysian Qualifications Agency (MQA)'];
    case 'PH':
      return ['TESDA program registration', 'Technical Education and Skills Development Authority (TESDA)'];
    case 'AU':
      return ['Nationally recognised training', 'Australian Skills Quality Authority (ASQA)'];
    default:
      return ['SkillsFuture accreditation', 'SkillsFuture Singapore (SSG)'];
  }
}

function languagesFor(rnd: Random, country: string, region: string): string[] {
  const r = rnd();
  switch (country) {
    case 'CA':
      if (region === 'CA-QC') return r < 0.8 ? ['fr'] : ['fr', 'en'];
      return r < 0.92 ? ['en'] : ['en', 'fr'];
    case 'US':
      return r < 0.93 ? ['en'] : ['en', 'es'];
    case 'DE':
      return r < 0.55 ? ['de'] : r < 0.8 ? ['de', 'en'] : ['en'];
    case 'NL':
      return r < 0.5 ? ['nl'] : r < 0.8 ? ['nl', 'en'] : ['en'];
    case 'MY':
      return r < 0.55 ? ['en'] : r < 0.8 ? ['ms'] : ['en', 'ms'];
    case 'PH':
      // Filipino has no ISO 639-1 code of its own; tl (Tagalog) is the one the schema accepts.
      return r < 0.8 ? ['en'] : ['en', 'tl'];
    case 'IE':
      return r < 0.95 ? ['en'] : ['en', 'ga'];
    case 'GB':
      return region === 'GB-WLS' && r < 0.15 ? ['en', 'cy'] : ['en'];
    case 'SG':
      return r < 0.95 ? ['en'] : ['en', 'zh'];
    default:
      return ['en'];
  }
}

// ---------------------------------------------------------------------------
// Program shape by credential type.

type TypeProfile = { hours: readonly [number, number]; usdPerHour: number; creditShare: number; assessments: readonly string[]; noun: string };

const typeProfiles: Record<CredentialType, TypeProfile> = {
  short_course: { hours: [6, 60], usdPerHour: 15, creditShare: 0.3, assessments: ['Online quiz', 'Practical assessment', 'Written assignment', 'Case study'], noun: 'short course' },
  digital_badge: { hours: [4, 30], usdPerHour: 12, creditShare: 0.15, assessments: ['Online quiz', 'Practical assessment', 'Skills demonstration'], noun: 'digital badge' },
  bootcamp: { hours: [120, 600], usdPerHour: 22, creditShare: 0.15, assessments: ['Capstone project', 'Capstone project and technical interview'], noun: 'intensive boot camp' },
  certification: { hours: [16, 120], usdPerHour: 18, creditShare: 0.1, assessments: ['Proctored exam', 'Proctored multiple-choice exam'], noun: 'exam-preparation program' },
  licence: { hours: [8, 200], usdPerHour: 12, creditShare: 0.05, assessments: ['Practical assessment and written exam', 'Written licensing exam'], noun: 'licensing program' },
  professional_certificate: { hours: [60, 300], usdPerHour: 14, creditShare: 0.45, assessments: ['Portfolio review', 'Capstone project', 'Portfolio review and oral presentation'], noun: 'professional certificate' },
  nano_degree: { hours: [80, 260], usdPerHour: 16, creditShare: 0.4, assessments: ['Capstone project', 'Portfolio review'], noun: 'nano-degree' },
  micromasters: { hours: [250, 600], usdPerHour: 8, creditShare: 1, assessments: ['Proctored exams and capstone project', 'Proctored final exam'], noun: 'graduate-level MicroMasters program' },
  other: { hours: [8, 80], usdPerHour: 12, creditShare: 0.1, assessments: ['Practical assessment', 'Observed practice', 'Reflective portfolio'], noun: 'refresher program' },
};

const groupWeights: Record<string, number> = {
  '15': 3, '29': 3, '13': 2, '11': 2, '43': 2, '47': 2, '49': 2, '53': 2, '31': 2, '41': 1.5, '35': 1.5, '17': 1.2, '27': 1.2, '51': 1.2,
  '21': 1, '33': 1, '39': 1, '25': 0.8, '23': 0.8, '19': 0.7, '37': 0.6, '45': 0.5,
};

/**
 * How often an occupation is the audience: by group, more for tech-rich and regulated work, and
 * damped by group size so the 100-odd production occupations do not crowd out nursing or IT.
 */
const occupationWeight = (occupation: Occupation, groupSize: number) =>
  ((groupWeights[occupation.group] ?? 1) * (1 + Math.min(occupation.subjectTechs.length, 8) / 4) * (occupation.licence ? 2.5 : 1)) / Math.sqrt(groupSize);

const practicalGroups = new Set(['47', '49', '51', '53', '29', '31', '35', '37', '39', '45']);
const digitalGroups = new Set(['15', '27', '13', '43']);

function singleType(rnd: Random, occupation: Occupation): CredentialType {
  const hasTech = occupation.subjectTechs.length > 0;
  return pickWeighted<CredentialType>(rnd, [
    ['short_course', 30],
    ['digital_badge', 12],
    ['certification', occupation.certifications.length > 0 || hasTech || groupCertifications[occupation.group] ? 10 : 3],
    ['bootcamp', digitalGroups.has(occupation.group) && hasTech ? 9 : 1.5],
    ['licence', occupation.licence ? 30 : 0],
    ['professional_certificate', 10],
    ['nano_degree', 5],
    ['micromasters', occupation.jobZone >= 4 ? 5 : 0],
    ['other', 6],
  ]);
}

function deliveryModeFor(rnd: Random, type: CredentialType, provider: Provider, occupation: Occupation): DeliveryMode {
  if (type === 'licence') return rnd() < 0.7 ? 'in_person' : 'blended';
  if (type === 'micromasters') return rnd() < 0.7 ? 'online_self_paced' : 'online_scheduled';
  const online = provider.isOnlineFirst ? 3 : 1;
  const onsite = practicalGroups.has(occupation.group) ? 1.6 : 1;
  return pickWeighted<DeliveryMode>(rnd, [
    ['online_self_paced', (type === 'bootcamp' ? 5 : 28) * online],
    ['online_scheduled', 22 * online],
    ['in_person', 28 * onsite],
    ['blended', 20 * onsite],
  ]);
}

/** Hours rounded the way catalogues print them. */
const niceHours = (hours: number) => Math.min(600, Math.max(4, hours < 20 ? Math.round(hours) : hours < 100 ? Math.round(hours / 5) * 5 : Math.round(hours / 10) * 10));

/** Two significant figures: 1,234 → 1,200; 487 → 490. */
function nicePrice(value: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

const halfRound = (value: number) => Math.max(0.5, Math.round(value * 2) / 2);

function scheduleFor(rnd: Random, mode: DeliveryMode, type: CredentialType, hours: number): { pace: Pace; weeks: number } {
  let pace: Pace;
  let hoursPerWeek: number;
  if (mode === 'online_self_paced') [pace, hoursPerWeek] = ['self_paced', between(rnd, 3, 8)];
  else if (type === 'bootcamp') [pace, hoursPerWeek] = rnd() < 0.7 ? ['full_time', between(rnd, 30, 40)] : ['part_time', between(rnd, 12, 20)];
  else {
    pace = pickWeighted<Pace>(rnd, [['part_time', 55], ['full_time', 20], ['flexible', 25]]);
    hoursPerWeek = pace === 'full_time' ? between(rnd, 25, 37.5) : pace === 'part_time' ? between(rnd, 4, 12) : between(rnd, 5, 10);
  }
  // Between a year and 40 hours a week: long programs are studied more intensively, short intensive ones take a week or two.
  const weeks = Math.round(hours / Math.max(hoursPerWeek, hours / 52));
  return { pace, weeks: Math.min(52, Math.max(1, Math.ceil(hours / 40), weeks)) };
}

const firstStart = Date.UTC(2026, 11, 7); // the first Monday of December 2026
const lastStart = Date.UTC(2027, 11, 31);
const weekMs = 7 * 24 * 3600 * 1000;
const startWeeks = Math.floor((lastStart - firstStart) / weekMs) + 1;

function startDatesFor(rnd: Random): string[] {
  const weeks = new Set<number>();
  const wanted = intBetween(rnd, 1, 3);
  while (weeks.size < wanted) weeks.add(Math.floor(rnd() * startWeeks));
  return [...weeks].sort((a, b) => a - b).map((week) => new Date(firstStart + week * weekMs).toISOString().slice(0, 10));
}

function qualificationFor(country: string, eqfLevel: number, field: string): string {
  const subject = qualificationSubjects[field] ?? getIscedField(field)?.label ?? 'Applied Studies';
  const isBritish = country === 'GB' || country === 'IE';
  if (eqfLevel >= 7) return isBritish ? `MSc ${subject}` : `Master of Science in ${subject}`;
  if (eqfLevel === 6) {
    if (isBritish) return `BSc (Hons) ${subject}`;
    if (country === 'US') return `Bachelor of Applied Science in ${subject}`;
    if (country === 'DE' || country === 'NL') return `Bachelor of Science in ${subject}`;
    return country === 'AU' ? `Advanced Diploma of ${subject}` : `Advanced Diploma in ${subject}`;
  }
  if (eqfLevel === 5) return country === 'US' ? `Associate of Applied Science in ${subject}` : country === 'AU' ? `Diploma of ${subject}` : `Diploma in ${subject}`;
  return country === 'AU' ? `Certificate IV in ${subject}` : `Certificate in ${subject}`;
}

// ---------------------------------------------------------------------------
// Titles, descriptions and outcomes.

/** A program is about a technology (its use is the topic) or about a topic alone. */
type Subject = { tech?: Tech; topic: string };

const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'An' : 'A'} ${noun}`;
const programmeWord = (country: string) => (['GB', 'IE', 'AU', 'MY', 'SG'].includes(country) ? 'Programme' : 'Program');

function titleFor(rnd: Random, type: CredentialType, occupation: Occupation, subject: Subject, country: string): string {
  const O = occupation.name;
  const S = occupation.singular;
  const P = subject.topic;
  const T = subject.tech?.label;
  switch (type) {
    case 'short_course':
      return T
        ? pick(rnd, [`${T} for ${O}`, `${T} for ${P}`, `Introduction to ${T}`, `${T} Essentials for ${O}`, `Advanced ${T} for ${P}`, `${P} with ${T}`])
        : pick(rnd, [`${P} for ${O}`, `Introduction to ${P}`, `${P}: Essentials for ${O}`, `Practical ${P}`]);
    case 'digital_badge':
      return T ? pick(rnd, [`${T} Skills Badge`, `${T}: ${P} Badge`, `${T} Practitioner Badge`]) : pick(rnd, [`${P} Badge`, `${P} Micro-Credential`, `${P} for ${O}: Digital Badge`]);
    case 'bootcamp':
      return T ? pick(rnd, [`${P} with ${T} Boot Camp`, `${T} Boot Camp`, `${P} Boot Camp for ${O}`]) : pick(rnd, [`${S} Boot Camp`, `${P} Boot Camp`]);
    case 'certification':
      if (T) return `${T} Certification Exam Prep`;
      return pick(rnd, [...occupation.certifications, ...(groupCertifications[occupation.group] ?? [`${S} Certification`])]);
    case 'licence':
      return (occupation.licence ?? `${S} {Licence}`).replace('{Licence}', country === 'US' ? 'License' : 'Licence');
    case 'professional_certificate':
      return T
        ? pick(rnd, [`Professional Certificate in ${P}`, `Professional Certificate in ${P} with ${T}`, `${T} Professional Certificate for ${O}`])
        : pick(rnd, [`Professional Certificate in ${P}`, `${S} Professional Certificate`, `${P} Professional Certificate for ${O}`]);
    case 'nano_degree':
      return T ? pick(rnd, [`${P} Nano-degree`, `${P} with ${T} Nano-degree`]) : pick(rnd, [`${S} Nano-degree`, `${P} Nano-degree`]);
    case 'micromasters':
      return pick(rnd, [`MicroMasters ${programmeWord(country)} in ${P}`, `${P} MicroMasters ${programmeWord(country)}`]);
    default:
      return pick(rnd, [`${S} Refresher: ${P}`, `${P} Workshop for ${O}`, `${P} Masterclass for ${O}`]);
  }
}

function subjectFor(rnd: Random, occupation: Occupation, preferTech: boolean, isLarge = false): Subject {
  // A certificate or boot camp needs a tool the occupation really uses; a badge may cover a common one.
  const techs = isLarge ? occupation.subjectTechs.filter((tech) => !tech.isMinor && tech.weight >= 1) : occupation.subjectTechs;
  const isWeak = techs.every((tech) => tech.weight < 1);
  if (!preferTech || techs.length === 0 || (isWeak && rnd() > 0.15)) return { topic: pick(rnd, occupation.topics) };
  const tech = pickWeighted(rnd, techs.map((item) => [item, item.weight] as const));
  return { tech, topic: tech.area! };
}

const techOutcomes: Record<string, (tech: string) => string> = {
  'Data Analysis': (t) => `Analyse and summarise work data with ${t}`,
  'Statistical Analysis': (t) => `Run and interpret statistical analyses in ${t}`,
  'Cloud Computing': (t) => `Configure and secure core ${t} services`,
  'Software Development': (t) => `Write, test and debug programs in ${t}`,
  'Web Development': (t) => `Build and deploy responsive web pages with ${t}`,
  'Technical Drawing': (t) => `Produce accurate technical drawings in ${t}`,
  'Data Visualisation': (t) => `Design clear dashboards and charts in ${t}`,
  'Electronic Health Records': (t) => `Document patient care accurately in ${t}`,
  'System Administration': (t) => `Configure, monitor and troubleshoot ${t} systems`,
  Bookkeeping: (t) => `Record transactions and reconcile accounts in ${t}`,
};

function outcomesFor(rnd: Random, occupation: Occupation, subject: Subject): string[] {
  const outcomes: string[] = [];
  const { tech } = subject;
  if (tech) outcomes.push((techOutcomes[subject.topic] ?? ((t: string) => `Configure and use ${t} for ${lowerWords(subject.topic)} tasks`))(tech.label));
  const start = Math.floor(rnd() * occupation.tasks.length);
  const taskCount = Math.min(occupation.tasks.length, intBetween(rnd, 2, 3));
  for (let i = 0; i < taskCount; i++) outcomes.push(occupation.tasks[(start + i) % occupation.tasks.length]!);
  if (outcomes.length < 3 || rnd() < 0.5) {
    const topic = lowerWords(subject.topic);
    outcomes.push(
      pick(rnd, [
        `Explain the key principles of ${topic} and apply them at work`,
        `Analyse common ${topic} problems and choose an appropriate response`,
        `Evaluate your own practice in ${topic} against current standards`,
      ]),
    );
  }
  return outcomes.slice(0, 5);
}

function descriptionFor(rnd: Random, type: CredentialType, occupation: Occupation, subject: Subject, extra?: string): string {
  const noun = typeProfiles[type].noun;
  const audience = lowerWords(occupation.name);
  const topic = lowerWords(subject.topic);
  const opening = subject.tech
    ? `${withArticle(noun)} that teaches ${audience} to use ${subject.tech.label} for ${topic}.`
    : type === 'licence' || type === 'certification'
      ? `${withArticle(noun)} for current and aspiring ${audience}, with a focus on ${topic}.`
      : `${withArticle(noun)} on ${topic} for current and aspiring ${audience}.`;
  const context = `${pick(rnd, ['It is grounded in the work of', 'It is built around the daily work of', 'Examples come from the work of'])} ${audience}, who ${occupation.description}`;
  return [opening, context, extra].filter(Boolean).join(' ') + demoMarker;
}

function skillsFor(rnd: Random, occupation: Occupation, subject: Subject): string[] {
  const labels = new Map<string, string>();
  const add = (label: string) => {
    if (!labels.has(label.toLowerCase())) labels.set(label.toLowerCase(), label);
  };
  if (subject.tech) add(subject.tech.label);
  const others = occupation.techs.filter((tech) => tech !== subject.tech).map((tech) => [tech, tech.weight] as const);
  for (let i = 0, n = Math.min(others.length, intBetween(rnd, 1, 3)); i < n; i++) add(pickWeighted(rnd, others).label);
  add(lowerWords(subject.topic));
  for (const skill of occupation.skills) add(skill);
  return [...labels.values()];
}

// ---------------------------------------------------------------------------
// The generator.

type Draft = { type: CredentialType; occupation: Occupation; subject: Subject; provider: Provider; title?: string; hours?: number; eqfLevel?: number; extra?: string };

const countryPhrase = (code: string) => `${['US', 'GB', 'NL', 'PH'].includes(code) ? 'the ' : ''}${getCountry(code)?.name ?? code}`;
const largeTypes = new Set<CredentialType>(['bootcamp', 'professional_certificate', 'nano_degree', 'micromasters']);
const kmPerDegree = 111.32;
const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * A deterministic demo catalogue: `count` programs (default 2,400) from O*NET 29.3,
 * with small stacks of badges into certificates (and some certificates into
 * MicroMasters), prerequisites between programs, and a spread of countries, regions,
 * credential types and delivery modes. The same seed always gives the same output.
 */
export async function generateDemoPrograms(opts: DemoProgramOptions = {}): Promise<DemoProgram[]> {
  const count = opts.count ?? 2400;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number of programs, got ${count}`);
  const rnd = mulberry32(opts.seed ?? 20261207);
  const occupations = await occupationsFor(path.dirname(referencePath('onet-29.3', 'Occupation Data.txt')));

  // Occupations each provider teaches, weighted towards groups where micro-credentials are common.
  const occupationPools = new Map<Focus, ReadonlyArray<readonly [Occupation, number]>>();
  const groupSizes = new Map<string, number>();
  for (const occupation of occupations) groupSizes.set(occupation.group, (groupSizes.get(occupation.group) ?? 0) + 1);
  for (const focus of Object.keys(focusGroups) as Focus[]) {
    const groups = focusGroups[focus];
    occupationPools.set(
      focus,
      occupations
        .filter((occupation) => !groups || groups.includes(occupation.group))
        .map((occupation) => [occupation, occupationWeight(occupation, groupSizes.get(occupation.group)!)] as const),
    );
  }
  const providerWeights = providers.map((provider) => [provider, countryProfiles[provider.country]!.weight / providers.filter((p) => p.country === provider.country).length] as const);

  const programs: DemoProgram[] = [];
  const usedTitles = new Set<string>();
  const latestByProviderField = new Map<string, string>();
  const idWidth = Math.max(4, String(count).length);
  const idAt = (index: number) => `demo-${String(index + 1).padStart(idWidth, '0')}`;

  const uniqueTitle = (draft: Draft) => {
    let title = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      title = titleFor(rnd, draft.type, draft.occupation, draft.subject, draft.provider.country);
      if (!usedTitles.has(title)) break;
      // Vary the subject before giving up: a duplicate title is tolerable only in very large catalogues.
      draft.subject = subjectFor(rnd, draft.occupation, draft.type !== 'licence' && draft.type !== 'other' && rnd() < 0.7, largeTypes.has(draft.type));
    }
    usedTitles.add(title);
    return title;
  };

  const build = (draft: Draft, links: { stacksInto?: string[]; prerequisites?: string[] } = {}): DemoProgram => {
    const { type, occupation, provider } = draft;
    const profile = typeProfiles[type];
    const country = countryProfiles[provider.country]!;
    const externalId = idAt(programs.length);
    const title = draft.title ?? uniqueTitle(draft);
    const { subject } = draft;
    const mode = deliveryModeFor(rnd, type, provider, occupation);
    const isOnline = mode === 'online_self_paced' || mode === 'online_scheduled';
    const region = provider.regions.length > 1 && rnd() < 0.25 ? provider.regions[1]! : provider.regions[0]!;
    const hours = niceHours(draft.hours ?? between(rnd, ...profile.hours));
    const { pace, weeks } = scheduleFor(rnd, mode, type, hours);
    const ects = country.hasEcts ? halfRound(hours / 27) : undefined;
    const eqfLevel = draft.eqfLevel ?? Math.min(7, Math.max(3, occupation.jobZone + 2 - (type === 'digital_badge' || type === 'short_course' ? intBetween(rnd, 0, 1) : 0)));
    const isCreditBearing = rnd() < profile.creditShare;
    const [qaType, qaBody] = qualityAssurance(rnd, provider, region, isOnline);
    const isFree = rnd() < 0.1;
    const cost = isFree ? 0 : nicePrice(hours * profile.usdPerHour * between(rnd, 0.7, 1.3) * country.priceFactor);
    const funding = [...country.funding, ...(regionalFunding[region] ?? [])];
    const fundingOptions = isFree ? [] : [...new Set(Array.from({ length: intBetween(rnd, 0, 2) }, () => pick(rnd, funding)))];

    let place: Pick<DemoProgram, 'city' | 'latitude' | 'longitude' | 'openWorldwide' | 'openCountries'>;
    if (isOnline) {
      place = rnd() < 0.6 ? { openWorldwide: true } : { openCountries: country.neighbours.slice(0, intBetween(rnd, 1, country.neighbours.length)) };
    } else {
      const [city, lat, lng] = pick(rnd, cities[region]!);
      // Up to 4 km around the campus town, itself within ~20 km of the region's point.
      const distance = 4 * Math.sqrt(rnd());
      const bearing = rnd() * 2 * Math.PI;
      place = {
        city,
        latitude: round5(lat + (distance * Math.cos(bearing)) / kmPerDegree),
        longitude: round5(lng + (distance * Math.sin(bearing)) / (kmPerDegree * Math.cos((lat * Math.PI) / 180))),
      };
    }

    const program: DemoProgram = {
      externalId,
      title,
      summary: `${subject.tech ? `Hands-on ${subject.tech.label}` : `Practical ${lowerWords(subject.topic)}`} skills for ${lowerWords(occupation.name)}.`,
      description: descriptionFor(rnd, type, occupation, subject, draft.extra),
      learningOutcomes: outcomesFor(rnd, occupation, subject),
      providerName: provider.name,
      providerCountry: provider.country,
      providerWebsite: providerWebsite(provider),
      credentialType: type,
      fieldOfStudy: occupation.field,
      country: provider.country,
      region,
      ...place,
      deliveryMode: mode,
      languages: languagesFor(rnd, provider.country, region),
      hours,
      ...(ects === undefined ? {} : { ects }),
      weeks,
      pace,
      eqfLevel,
      assessmentType: pick(rnd, profile.assessments),
      isCreditBearing,
      ...(isCreditBearing ? { creditValue: ects ?? halfRound(hours / country.hoursPerCredit), creditQualification: qualificationFor(provider.country, eqfLevel, occupation.field) } : {}),
      stacksInto: links.stacksInto ?? [],
      prerequisites: links.prerequisites ?? [],
      qaType,
      qaBody,
      cost,
      currency: country.currency,
      fundingOptions,
      startDates: startDatesFor(rnd),
      url: `${providerWebsite(provider)}/programs/${externalId}-${slugify(title).slice(0, 60).replace(/-$/, '')}`,
      status: rnd() < 0.03 ? 'draft' : 'published',
      skills: skillsFor(rnd, occupation, subject),
    };
    programs.push(program);
    latestByProviderField.set(`${provider.name}|${occupation.field}`, externalId);
    return program;
  };

  const prerequisiteStatements = ['High school diploma or equivalent', 'Basic computer skills', 'Two years of relevant work experience', 'Completion of an introductory course or equivalent experience'];

  while (programs.length < count) {
    const provider = pickWeighted(rnd, providerWeights);
    const pool = occupationPools.get(provider.focus)!;
    const occupation = pickWeighted(rnd, pool);
    const remaining = count - programs.length;

    // About one draw in twelve becomes a stack: 2–4 small credentials → a certificate (→ sometimes a MicroMasters).
    const parts = intBetween(rnd, 2, 4);
    const hasMicromasters = occupation.jobZone >= 3 && rnd() < 0.3;
    if (rnd() < 0.08 && remaining >= parts + 1 + (hasMicromasters ? 1 : 0)) {
      const first = programs.length;
      const certificateId = idAt(first + parts);
      const certificateDraft: Draft = { type: rnd() < 0.7 ? 'professional_certificate' : 'nano_degree', occupation, subject: subjectFor(rnd, occupation, rnd() < 0.6, true), provider };
      // Titled first so the parts can name it; built after them so ids run badge → certificate.
      certificateDraft.title = uniqueTitle(certificateDraft);
      let totalHours = 0;
      for (let i = 0; i < parts; i++) {
        const part = build(
          {
            type: rnd() < 0.5 ? 'digital_badge' : 'short_course',
            occupation,
            // The first part shares the certificate's subject, so the stack reads as one pathway.
            subject: i === 0 ? certificateDraft.subject : subjectFor(rnd, occupation, rnd() < 0.6),
            provider,
            extra: `Stackable: counts towards the ${certificateDraft.title}.`,
          },
          { stacksInto: [certificateId], prerequisites: i > 0 && rnd() < 0.35 ? [idAt(first + i - 1)] : [] },
        );
        totalHours += part.hours;
      }
      const micromastersId = idAt(first + parts + 1);
      const certificate = build(
        { ...certificateDraft, hours: totalHours + between(rnd, 10, 40), extra: `Earned by completing ${parts} stackable credentials and a capstone.` },
        { stacksInto: hasMicromasters ? [micromastersId] : [] },
      );
      if (hasMicromasters) {
        build(
          {
            type: 'micromasters',
            occupation,
            subject: certificateDraft.subject,
            provider,
            hours: certificate.hours + between(rnd, 150, 350),
            eqfLevel: 7,
            extra: `Holders of the ${certificate.title} receive advanced standing.`,
          },
          { prerequisites: rnd() < 0.5 ? ["Bachelor's degree or equivalent professional experience"] : [] },
        );
      }
      continue;
    }

    const type = singleType(rnd, occupation);
    // Licences, refreshers and most certifications are about the occupation's work, not one tool.
    const techShare = type === 'licence' || type === 'other' ? 0 : type === 'certification' ? 0.4 : 0.75;
    const draft: Draft = { type, occupation, provider, subject: subjectFor(rnd, occupation, rnd() < techShare, largeTypes.has(type)) };
    if (type === 'micromasters') draft.eqfLevel = Math.max(6, Math.min(7, occupation.jobZone + 2));
    if (type === 'licence') draft.extra = `Prepares learners for licensing requirements in ${countryPhrase(provider.country)}.`;
    const earlier = latestByProviderField.get(`${provider.name}|${occupation.field}`);
    const r = rnd();
    build(draft, { prerequisites: earlier && r < 0.08 ? [earlier] : r > 0.9 ? [pick(rnd, prerequisiteStatements)] : [] });
  }
  return programs;
}
