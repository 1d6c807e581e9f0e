import { describe, it, expect } from 'vitest';
import { programInputSchema } from '@/lib/catalog/program-schema';
import {
  countryCodeFrom,
  firstSentence,
  isoDurationToWorkload,
  languageCodeFrom,
  parseCtdlDocument,
  parseIsoDuration,
  regionCodeFrom,
} from '@/lib/imports/ctdl';

/* Fixtures shaped like Registry output: ceterms: keys, language maps, CredentialAlignmentObjects,
 * Registry resource URIs and blank nodes (_:bN) resolved inside one @graph. */

const registry = 'https://credentialengineregistry.org/resources/';
const certCtid = 'ce-5f1c2a0e-8d3b-4c1e-9a7f-2b6d4e8c1a90';
const orgCtid = 'ce-0b7e4f3a-1c2d-4e5f-8a9b-c0d1e2f3a4b5';
const diplomaCtid = 'ce-9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const badgeCtid = 'ce-3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const badgeOrgCtid = 'ce-6f5e4d3c-2b1a-4098-8765-43210fedcba9';
const courseCtid = 'ce-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const cao = (framework: string, targetNode: string, name: string) => ({
  '@type': 'ceterms:CredentialAlignmentObject',
  'ceterms:framework': `https://credreg.net/ctdl/terms/${framework}`,
  'ceterms:targetNode': targetNode,
  'ceterms:targetNodeName': { 'en-US': name },
});

const certificateGraph = {
  '@context': 'https://credreg.net/ctdl/schema/context/json',
  '@id': `https://credentialengineregistry.org/graph/${certCtid}`,
  '@graph': [
    {
      '@id': `${registry}${certCtid}`,
      '@type': 'ceterms:Certificate',
      'ceterms:ctid': certCtid,
      'ceterms:name': { 'en-US': 'Cloud Computing Fundamentals Certificate', fr: 'Certificat en infonuagique' },
      'ceterms:description': {
        fr: 'Apprenez à déployer des charges de travail infonuagiques.',
        'en-US': 'Learn to deploy and secure cloud workloads on public clouds, e.g. AWS and Azure. Ends with a capstone project for a local employer.',
      },
      'ceterms:subjectWebpage': 'https://lakeshore.example.ca/programs/cloud-computing',
      'ceterms:image': 'https://lakeshore.example.ca/badges/cloud.png',
      'ceterms:ownedBy': [`${registry}${orgCtid}`],
      'ceterms:offeredBy': [`${registry}${orgCtid}`],
      'ceterms:availableAt': [
        {
          '@type': 'ceterms:Place',
          'ceterms:streetAddress': { 'en-US': '3199 Lake Shore Blvd W' },
          'ceterms:addressLocality': { 'en-US': 'Toronto' },
          'ceterms:addressRegion': { 'en-US': 'Ontario' },
          'ceterms:addressCountry': { 'en-US': 'Canada' },
          'ceterms:postalCode': 'M8V 1K8',
          'ceterms:latitude': 43.5955,
          'ceterms:longitude': -79.5196,
        },
      ],
      'ceterms:deliveryType': [cao('Delivery', 'deliveryType:InPerson', 'In Person Only')],
      'ceterms:estimatedDuration': ['_:b0'],
      'ceterms:estimatedCost': ['_:b1'],
      'ceterms:inLanguage': ['en-US', 'fr'],
      'ceterms:isPartOf': [`${registry}${diplomaCtid}`],
      'ceterms:subject': [cao('Subject', 'https://example.org/subjects/cloud', 'Cloud computing')],
      'ceterms:requires': [
        {
          '@type': 'ceterms:ConditionProfile',
          'ceterms:name': { 'en-US': 'Competencies' },
          'ceterms:targetCompetency': [
            cao('Competency', 'https://example.org/competencies/vnet', 'Configure virtual networks'),
            cao('Competency', 'https://example.org/competencies/iam', 'Apply identity and access management'),
          ],
        },
      ],
      'ceterms:entryCondition': [{ '@type': 'ceterms:ConditionProfile', 'ceterms:description': { 'en-US': 'Ontario Secondary School Diploma or equivalent' } }],
      'ceterms:isNonCredit': false,
      'ceterms:creditValue': [{ '@type': 'ceterms:ValueProfile', 'schema:value': 6, 'ceterms:creditUnitType': [cao('CreditUnit', 'creditUnit:SemesterHour', 'Semester Hour')] }],
      'ceterms:accreditedBy': ['_:b2'],
      'ceterms:assessmentMethodType': [cao('AssessmentMethod', 'assessMethod:Exam', 'Exam'), 'assessMethod:Performance'],
      'ceterms:instructionalProgramType': [{ '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:frameworkName': { 'en-US': 'Classification of Instructional Programs' }, 'ceterms:codedNotation': '11.0901' }],
      'ceterms:lifeCycleStatusType': cao('LifeCycleStatus', 'lifeCycle:Active', 'Active'),
    },
    {
      '@id': `${registry}${orgCtid}`,
      '@type': 'ceterms:CredentialOrganization',
      'ceterms:ctid': orgCtid,
      'ceterms:name': { 'en-US': 'Lakeshore College of Applied Technology' },
      'ceterms:subjectWebpage': 'https://lakeshore.example.ca/',
      'ceterms:address': [{ '@type': 'ceterms:Place', 'ceterms:addressRegion': { 'en-US': 'ON' }, 'ceterms:addressCountry': { 'en-US': 'Canada' } }],
    },
    { '@id': '_:b0', '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'P12W' },
    {
      '@id': '_:b1',
      '@type': 'ceterms:CostProfile',
      'ceterms:name': { 'en-US': 'Tuition' },
      'ceterms:price': 1200,
      'ceterms:currency': 'CAD',
      'ceterms:costDetails': 'https://lakeshore.example.ca/fees',
      'ceterms:directCostType': cao('CostType', 'costType:Tuition', 'Tuition'),
    },
    { '@id': '_:b2', '@type': 'ceterms:QACredentialOrganization', 'ceterms:name': { 'en-US': 'Ontario Ministry of Colleges and Universities' } },
    {
      '@id': `${registry}${diplomaCtid}`,
      '@type': 'ceterms:Diploma',
      'ceterms:ctid': diplomaCtid,
      'ceterms:name': { 'en-US': 'Diploma in Cloud and Network Engineering' },
      'ceterms:hasPart': [`${registry}${certCtid}`],
    },
  ],
};

// The organisation sits on the sandbox host; the badge points at the production URI. The CTID joins them.
const badgeDocument = [
  {
    '@id': `${registry}${badgeCtid}`,
    '@type': 'ceterms:Badge',
    'ceterms:ctid': badgeCtid,
    'ceterms:name': { en: 'Data Literacy Essentials' },
    'ceterms:description': { en: 'An open badge for reading, questioning and presenting data.' },
    'ceterms:ownedBy': [{ '@id': `${registry}${badgeOrgCtid}` }],
    'ceterms:availableOnlineAt': ['https://learn.example.org/data-literacy'],
    'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:minimumDuration': 'P2W', 'ceterms:maximumDuration': 'P1M' }],
    'ceterms:estimatedCost': [{ '@type': 'ceterms:CostProfile', 'ceterms:price': 0, 'ceterms:currency': 'USD' }],
    'ceterms:inLanguage': ['English'],
    'ceterms:teaches': [cao('Competency', 'https://example.org/competencies/charts', 'Choose a chart that fits the data')],
  },
  {
    '@id': `https://sandbox.credentialengineregistry.org/resources/${badgeOrgCtid}`,
    '@type': 'ceterms:CredentialOrganization',
    'ceterms:ctid': badgeOrgCtid,
    'ceterms:name': { en: 'Open Data Institute of Wisconsin' },
    'ceterms:subjectWebpage': 'https://odi-wi.example.org',
    'ceterms:address': [{ '@type': 'ceterms:Place', 'ceterms:addressRegion': 'WI', 'ceterms:addressCountry': 'United States' }],
  },
];

const courseDocument = {
  '@id': `${registry}${courseCtid}`,
  '@type': 'ceterms:Course',
  'ceterms:ctid': courseCtid,
  'ceterms:name': { 'en-US': 'Applied Python for Analysts' },
  'ceterms:description': { 'en-US': 'Hands-on Python for spreadsheet users. Three Saturday labs on campus, the rest online.' },
  'ceterms:ownedBy': [{ '@type': 'ceterms:CredentialOrganization', 'ceterms:name': { 'en-US': 'Fraser Valley Polytechnic' }, 'ceterms:subjectWebpage': 'https://fvp.example.ca' }],
  'ceterms:availableAt': [{ '@type': 'ceterms:Place', 'ceterms:addressLocality': 'Abbotsford', 'ceterms:addressRegion': 'BC', 'ceterms:addressCountry': 'CA' }],
  'ceterms:availableOnlineAt': ['https://fvp.example.ca/learn/python'],
  'ceterms:deliveryType': ['deliveryType:BlendedDelivery'],
  'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'PT40H' }],
  'ceterms:estimatedCost': [
    { '@type': 'ceterms:CostProfile', 'ceterms:price': 850, 'ceterms:currency': 'CAD', 'ceterms:directCostType': cao('CostType', 'costType:AggregateCost', 'Aggregate Cost') },
    { '@type': 'ceterms:CostProfile', 'ceterms:price': 700, 'ceterms:currency': 'CAD', 'ceterms:directCostType': cao('CostType', 'costType:Tuition', 'Tuition') },
  ],
  'ceterms:inLanguage': ['en'],
  'ceterms:requires': [{ '@type': 'ceterms:ConditionProfile', 'ceterms:name': { 'en-US': 'Prerequisites' }, 'ceterms:description': { 'en-US': 'Intro to Python or equivalent experience' } }],
  'ceterms:isNonCredit': true,
  'ceterms:assessmentMethodDescription': { 'en-US': 'Weekly notebooks and a final data-cleaning project' },
};

const namelessDocument = { '@type': 'ceterms:Certificate', 'ceterms:ctid': 'ce-00000000-0000-4000-8000-000000000000', 'ceterms:ownedBy': [`${registry}${orgCtid}`] };

describe('parseCtdlDocument', () => {
  it('maps a Registry @graph certificate, resolving organisation, profiles and the diploma it stacks into', () => {
    const { records, errors } = parseCtdlDocument(certificateGraph);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record!.index).toBe(1);
    expect(record!.warnings).toEqual([]);
    expect(record!.input).toEqual({
      ctid: certCtid,
      externalId: certCtid,
      title: 'Cloud Computing Fundamentals Certificate',
      summary: 'Learn to deploy and secure cloud workloads on public clouds, e.g. AWS and Azure.',
      description: 'Learn to deploy and secure cloud workloads on public clouds, e.g. AWS and Azure. Ends with a capstone project for a local employer.',
      providerName: 'Lakeshore College of Applied Technology',
      providerCountry: 'CA',
      providerWebsite: 'https://lakeshore.example.ca/',
      credentialType: 'professional_certificate',
      fieldOfStudy: '061',
      country: 'CA',
      region: 'CA-ON',
      city: 'Toronto',
      latitude: 43.5955,
      longitude: -79.5196,
      deliveryMode: 'in_person',
      languages: ['en', 'fr'],
      weeks: 12,
      cost: 1200,
      currency: 'CAD',
      isCreditBearing: true,
      creditValue: 6,
      assessmentType: 'Exam, Performance',
      qaType: 'Accreditation',
      qaBody: 'Ontario Ministry of Colleges and Universities',
      learningOutcomes: ['Configure virtual networks', 'Apply identity and access management'],
      skills: ['Cloud computing', 'Configure virtual networks', 'Apply identity and access management'],
      stacksInto: ['Diploma in Cloud and Network Engineering'],
      prerequisites: ['Ontario Secondary School Diploma or equivalent'],
      url: 'https://lakeshore.example.ca/programs/cloud-computing',
      badgeImageUrl: 'https://lakeshore.example.ca/badges/cloud.png',
      status: 'published',
    });
  });

  it('maps an online-only badge and resolves its organisation by CTID across Registry hosts', () => {
    const { records, errors } = parseCtdlDocument(badgeDocument);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]!.index).toBe(1);
    expect(records[0]!.input).toEqual({
      ctid: badgeCtid,
      externalId: badgeCtid,
      title: 'Data Literacy Essentials',
      summary: 'An open badge for reading, questioning and presenting data.',
      description: 'An open badge for reading, questioning and presenting data.',
      providerName: 'Open Data Institute of Wisconsin',
      providerCountry: 'US',
      providerWebsite: 'https://odi-wi.example.org',
      credentialType: 'digital_badge',
      deliveryMode: 'online_self_paced',
      openWorldwide: true,
      languages: ['en'],
      weeks: 4.3,
      cost: 0,
      currency: 'USD',
      learningOutcomes: ['Choose a chart that fits the data'],
      skills: ['Choose a chart that fits the data'],
      url: 'https://learn.example.org/data-literacy',
      status: 'published',
    });
    expect(records[0]!.warnings).toEqual(['Duration is a range (P2W–P1M); imported the maximum.']);
  });

  it('maps a blended course measured in hours, taking the aggregate cost', () => {
    const { records, errors } = parseCtdlDocument(courseDocument);
    expect(errors).toEqual([]);
    expect(records[0]!.warnings).toEqual([]);
    expect(records[0]!.input).toEqual({
      ctid: courseCtid,
      externalId: courseCtid,
      title: 'Applied Python for Analysts',
      summary: 'Hands-on Python for spreadsheet users.',
      description: 'Hands-on Python for spreadsheet users. Three Saturday labs on campus, the rest online.',
      providerName: 'Fraser Valley Polytechnic',
      providerWebsite: 'https://fvp.example.ca',
      credentialType: 'short_course',
      country: 'CA',
      region: 'CA-BC',
      city: 'Abbotsford',
      deliveryMode: 'blended',
      languages: ['en'],
      hours: 40,
      cost: 850,
      currency: 'CAD',
      isCreditBearing: false,
      assessmentType: 'Weekly notebooks and a final data-cleaning project',
      prerequisites: ['Intro to Python or equivalent experience'],
      url: 'https://fvp.example.ca/learn/python',
      status: 'published',
    });
  });

  it('reports a resource without a name as an error row, and keeps the others', () => {
    const { records, errors } = parseCtdlDocument({ '@graph': [namelessDocument, ...certificateGraph['@graph']] });
    expect(errors).toEqual([{ row: 1, field: 'ceterms:name', message: 'This ceterms:Certificate has no name.' }]);
    expect(records.map((r) => r.index)).toEqual([2]);
  });

  it('produces inputs the program schema accepts', () => {
    const documents: unknown[] = [certificateGraph, badgeDocument, courseDocument];
    const inputs = documents.flatMap((d) => parseCtdlDocument(d).records.map((r) => r.input));
    expect(inputs).toHaveLength(3);
    for (const input of inputs) {
      const parsed = programInputSchema.safeParse(input);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it('skips degrees and organisations silently, and reports other credential classes on @type', () => {
    const { records, errors } = parseCtdlDocument([
      { '@type': 'ceterms:BachelorDegree', 'ceterms:name': { 'en-US': 'BSc Computing' } },
      { '@type': 'ceterms:CredentialOrganization', 'ceterms:name': { 'en-US': 'Some College' } },
      { '@type': 'ceterms:ApprenticeshipCertificate', 'ceterms:name': { 'en-US': 'Electrician Apprenticeship' } },
    ]);
    expect(records).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 3, field: '@type' });
    expect(errors[0]!.message).toContain('ceterms:ApprenticeshipCertificate is not imported');
  });

  it('explains a missing organisation instead of producing an unowned program', () => {
    const { records, errors } = parseCtdlDocument({ ...courseDocument, 'ceterms:ownedBy': [`${registry}${orgCtid}`] });
    expect(records).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ row: 1, field: 'ceterms:ownedBy' })]);
    expect(errors[0]!.message).toContain(`${registry}${orgCtid} is not in this document`);
  });

  it('refines the credential type by name and reads scheduled online delivery', () => {
    const owner = { '@type': 'ceterms:CredentialOrganization', 'ceterms:name': 'MITx' };
    const { records } = parseCtdlDocument([
      { '@type': 'ceterms:Certificate', 'ceterms:name': 'MicroMasters Program in Supply Chain Management', 'ceterms:ownedBy': [owner], 'ceterms:availableOnlineAt': 'https://example.org/scm' },
      {
        '@type': 'ceterms:LearningProgram',
        'ceterms:name': 'Full-Stack Web Bootcamp',
        'ceterms:ownedBy': [owner],
        'ceterms:deliveryType': [cao('Delivery', 'deliveryType:OnlineOnly', 'Online Only')],
        'ceterms:scheduleTimingType': [cao('ScheduleTiming', 'scheduleTiming:Evening', 'Evening')],
      },
    ]);
    expect(records.map((r) => [r.input.credentialType, r.input.deliveryMode])).toEqual([
      ['micromasters', 'online_self_paced'],
      ['bootcamp', 'online_scheduled'],
    ]);
  });

  it('stacks a part into the resource that lists it in hasPart, and totals itemised costs', () => {
    const owner = { '@type': 'ceterms:CredentialOrganization', 'ceterms:name': 'Northside Community College' };
    const online = 'https://northside.example.edu/online';
    const { records } = parseCtdlDocument({
      '@graph': [
        { '@id': '_:cert', '@type': 'ceterms:Certificate', 'ceterms:name': 'Bookkeeping Certificate', 'ceterms:ownedBy': [owner], 'ceterms:availableOnlineAt': online, 'ceterms:hasPart': ['_:badge'] },
        {
          '@id': '_:badge',
          '@type': 'ceterms:DigitalBadge',
          'ceterms:name': 'Payroll Basics',
          'ceterms:ownedBy': [owner],
          'ceterms:availableOnlineAt': online,
          'ceterms:estimatedCost': [
            { '@type': 'ceterms:CostProfile', 'ceterms:price': 300, 'ceterms:currency': 'USD', 'ceterms:directCostType': 'costType:Tuition' },
            { '@type': 'ceterms:CostProfile', 'ceterms:price': '45.50', 'ceterms:currency': 'usd', 'ceterms:directCostType': 'costType:LearningResource' },
          ],
        },
      ],
    });
    expect(records[1]!.input).toMatchObject({ title: 'Payroll Basics', stacksInto: ['Bookkeeping Certificate'], cost: 345.5, currency: 'USD' });
    expect(records[1]!.input).not.toHaveProperty('externalId');
    expect(records[0]!.input).not.toHaveProperty('stacksInto');
  });

  it('warns about what it cannot use and leaves it out', () => {
    const { records } = parseCtdlDocument({
      ...courseDocument,
      'ceterms:availableAt': [{ '@type': 'ceterms:Place', 'ceterms:addressRegion': 'Atlantis', 'ceterms:addressCountry': 'CA' }],
      'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'about six weeks' }],
      'ceterms:estimatedCost': [{ '@type': 'ceterms:CostProfile', 'ceterms:price': 1000, 'ceterms:currency': 'US Dollar' }],
      'ceterms:inLanguage': ['Klingon'],
    });
    const { input, warnings } = records[0]!;
    expect(input).toMatchObject({ country: 'CA', deliveryMode: 'blended' });
    expect(input).not.toHaveProperty('region');
    expect(input).not.toHaveProperty('hours');
    expect(input).not.toHaveProperty('cost');
    expect(input).not.toHaveProperty('languages');
    expect(warnings).toEqual([
      'availableAt: region “Atlantis” is not a known ISO 3166-2 subdivision of CA; left out.',
      'Language “Klingon” is not an ISO 639-1 language; left out.',
      'Duration “about six weeks” is not an ISO 8601 duration such as P12W or PT40H; left out.',
      'Cost 1000 has currency “US DOLLAR”, not an ISO 4217 code; left out.',
    ]);
  });

  it('reports a document with nothing to import', () => {
    expect(parseCtdlDocument({ '@graph': [{ '@type': 'ceterms:CredentialOrganization', 'ceterms:name': 'X' }] }).errors).toEqual([
      expect.objectContaining({ row: 1, field: '@type' }),
    ]);
  });
});

describe('parseIsoDuration', () => {
  it('reads each designator', () => {
    expect(parseIsoDuration('P12W')).toEqual({ years: 0, months: 0, weeks: 12, days: 0, hours: 0, minutes: 0, seconds: 0 });
    expect(parseIsoDuration('P1Y2M10DT2H30M15S')).toEqual({ years: 1, months: 2, weeks: 0, days: 10, hours: 2, minutes: 30, seconds: 15 });
    expect(parseIsoDuration('PT40H')).toMatchObject({ hours: 40 });
    expect(parseIsoDuration('PT1,5H')).toMatchObject({ hours: 1.5 });
    expect(parseIsoDuration(' p3m ')).toMatchObject({ months: 3 });
  });

  it('rejects what is not a duration', () => {
    for (const bad of ['', 'P', 'PT', '12W', 'P1H', 'PT1D', 'P-1W', 'P1W2X', 'P1.5.2D', 'six weeks']) expect(parseIsoDuration(bad), bad).toBeUndefined();
  });

  it('turns calendar time into weeks and clock time into hours', () => {
    const workload = (s: string) => isoDurationToWorkload(parseIsoDuration(s)!);
    expect(workload('P12W')).toEqual({ weeks: 12 });
    expect(workload('P3M')).toEqual({ weeks: 13 });
    expect(workload('P1Y')).toEqual({ weeks: 52.2 });
    expect(workload('P10D')).toEqual({ weeks: 1.4 });
    expect(workload('P6DT24H')).toEqual({ weeks: 1 });
    expect(workload('PT40H')).toEqual({ hours: 40 });
    expect(workload('PT90M')).toEqual({ hours: 1.5 });
    expect(workload('PT0H')).toEqual({});
  });
});

describe('normalisers', () => {
  it('reads countries, regions and languages as the Registry writes them', () => {
    expect(['CA', 'ca', 'Canada', 'United States', 'USA', 'United Kingdom', 'Türkiye', 'Atlantis'].map(countryCodeFrom)).toEqual(['CA', 'CA', 'CA', 'US', 'US', 'GB', 'TR', undefined]);
    expect(regionCodeFrom('Ontario', 'CA')).toBe('CA-ON');
    expect(regionCodeFrom('ON', 'CA')).toBe('CA-ON');
    expect(regionCodeFrom('ca-on')).toBe('CA-ON');
    expect(regionCodeFrom('Québec')).toBe('CA-QC');
    expect(regionCodeFrom('New Jersey')).toBe('US-NJ');
    expect(regionCodeFrom('Ontario', 'US')).toBeUndefined();
    expect(['en-US', 'fr', 'fra', 'English', 'zh-Hans-CN', 'xx'].map(languageCodeFrom)).toEqual(['en', 'fr', 'fr', 'en', 'zh', undefined]);
  });

  it('summarises with the first sentence, past abbreviations and markup', () => {
    expect(firstSentence('<p>Build apps with U.S. Army data, i.e. open sets.</p> Then deploy them.')).toBe('Build apps with U.S. Army data, i.e. open sets.');
    expect(firstSentence('No full stop here')).toBe('No full stop here');
    expect(firstSentence(`${'word '.repeat(150)}end.`).length).toBeLessThanOrEqual(500);
  });
});
