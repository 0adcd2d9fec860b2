/**
 * The rules of the legal chapter (docs/11-legal-issues.mdx) as data, for the legal explorer: each
 * instrument with its conditions, and five scenarios that say, for every condition of every
 * instrument, whether it is met, not met, open or not applicable, and why, with the source of the
 * why. Everything here restates what the chapter already says with its citations; where the
 * sources do not settle a question, the status is 'open' and the reason says so. This teaches the
 * rules; it is not legal advice. Pure data: no React, no DOM.
 */

/** Where a statement comes from: an anchor of the references page, and the article or section in it. */
export interface LegalSource {
  /** '/docs/references#<anchor>'. */
  href: string;
  /** The source's short name, as in 'Directive 2009/24/EC'. */
  label: string;
  /** Article, paragraph or part, as in 'Art. 6(1)(a)'; absent when the whole source is meant. */
  locator?: string;
}

export type ConditionStatus = 'met' | 'not-met' | 'open' | 'not-applicable';

export const CONDITION_STATUSES: readonly ConditionStatus[] = ['met', 'not-met', 'open', 'not-applicable'];

/** One condition of an instrument, on one of its routes (an exception it grants). */
export interface LegalCondition {
  id: string;
  /** The id of the route this condition belongs to. */
  route: string;
  text: string;
  source: LegalSource;
}

/** One way an instrument can allow an act (Art. 5(3) or Art. 6); an act is allowed when one route's conditions all hold. */
export interface LegalRoute {
  id: string;
  name: string;
}

/** A remark on an instrument that is not a condition (a rule about contracts, what the sources leave out). */
export interface LegalNote {
  text: string;
  sources: readonly LegalSource[];
}

export type InstrumentId = 'skype-licence' | 'eu-1991' | 'eu-2009' | 'france' | 'dmca-1201f' | 'sega-1992' | 'sony-2000';

export interface LegalInstrument {
  id: InstrumentId;
  name: string;
  jurisdiction: string;
  /** What the instrument allows (or, for the licence, forbids), in one line. */
  allows: string;
  source: LegalSource;
  routes: readonly LegalRoute[];
  conditions: readonly LegalCondition[];
  notes: readonly LegalNote[];
}

/** How one condition stands in one scenario. */
export interface ConditionAssessment {
  status: ConditionStatus;
  /** One line; an open question ends by saying that the sources do not settle it. */
  reason: string;
  /** Where the reason comes from; required for 'met' and 'not-met'. */
  sources: readonly LegalSource[];
}

export type ScenarioId = 'write-client' | 'publish-key-engine' | 'publish-packet-formats' | 'detect-traffic' | 'security-study';

export const SCENARIO_IDS: readonly ScenarioId[] = ['write-client', 'publish-key-engine', 'publish-packet-formats', 'detect-traffic', 'security-study'];

export interface LegalScenario {
  id: ScenarioId;
  title: string;
  /** What the reader does in this scenario, and what it assumes. */
  description: string;
  sources: readonly LegalSource[];
  /** For the key engine: what this site chose, with the link to where the chapter explains it. */
  siteChoice?: {text: string; href: string};
  /** Per instrument, per condition id. */
  assessments: Readonly<Record<InstrumentId, Readonly<Record<string, ConditionAssessment>>>>;
}

/** The link to the chapter section on what this site ships and why. */
export const SITE_CHOICE_HREF = '/docs/legal-issues#what-this-site-does-and-why';

const reference = (anchor: string, label: string) => (locator?: string): LegalSource => ({href: `/docs/references#${anchor}`, label, ...(locator === undefined ? {} : {locator})});

const eu1991 = reference('eu-directive-1991', 'Directive 91/250/EEC');
const eu2009 = reference('eu-directive-2009', 'Directive 2009/24/EC');
const france = reference('france-cpi', 'CPI art. L122-6-1 and the Caen rulings');
const dmca = reference('dmca1201f', '17 U.S.C. §1201(f)');
const sega = reference('sega1992', 'Sega v. Accolade (1992)');
const sony = reference('sony2000', 'Sony v. Connectix (2000)');
const eula = reference('skype-eula', 'Skype EULA');
const wikipedia = reference('wikipedia-skype-protocol', 'Wikipedia, "Skype protocol"');
const oneil = reference('oneil2010', "O'Neil 2010");
const biondi = reference('biondi2006', 'Biondi & Desclaux 2006');
const desclaux = reference('desclaux2006', 'Desclaux & Kortchinsky 2006');
const bonfiglio = reference('bonfiglio2007', 'Bonfiglio et al. 2007');
const baset = reference('baset2004', 'Baset & Schulzrinne 2004');

// --- The instruments ---------------------------------------------------------------------------

/**
 * The European family: Art. 5(3) and Art. 6 of the directive, and L122-6-1 III and IV in France,
 * share their conditions (the chapter: "the same two exceptions", "the same six conditions"); only
 * the 2009 text's Art. 6(3) is stated in the chapter, so France and 1991 do not carry it.
 */
type EuropeanConditionId =
  | 'observe-lawful-user'
  | 'observe-within-use'
  | 'decompile-indispensable'
  | 'decompile-lawful-user'
  | 'decompile-not-available'
  | 'decompile-needed-parts'
  | 'use-for-interoperability'
  | 'not-given-to-others'
  | 'not-similar-program'
  | 'no-unreasonable-harm';

const EUROPEAN_CONDITIONS: readonly {id: EuropeanConditionId; route: 'observe' | 'decompile'; text: string; eu2009: string; france: string | null}[] = [
  {id: 'observe-lawful-user', route: 'observe', text: 'The person has the right to use a copy of the program.', eu2009: 'Art. 5(3)', france: 'III'},
  {
    id: 'observe-within-use',
    route: 'observe',
    text: 'They observe, study or test it while loading, displaying, running, transmitting or storing it, acts they may already do, to find the ideas and principles behind it.',
    eu2009: 'Art. 5(3)',
    france: 'III',
  },
  {
    id: 'decompile-indispensable',
    route: 'decompile',
    text: 'Reproducing the code and translating its form is indispensable to obtain the information needed to make an independently created program interoperate with other programs.',
    eu2009: 'Art. 6(1)',
    france: 'IV',
  },
  {
    id: 'decompile-lawful-user',
    route: 'decompile',
    text: 'The acts are performed by the licensee or another person with the right to use a copy, or on their behalf by someone authorised to do so.',
    eu2009: 'Art. 6(1)(a)',
    france: 'IV',
  },
  {id: 'decompile-not-available', route: 'decompile', text: 'The information needed for interoperability has not previously been readily available to them.', eu2009: 'Art. 6(1)(b)', france: 'IV'},
  {id: 'decompile-needed-parts', route: 'decompile', text: 'The acts are confined to the parts of the program needed for interoperability.', eu2009: 'Art. 6(1)(c)', france: 'IV'},
  {id: 'use-for-interoperability', route: 'decompile', text: 'The information is not used for goals other than making the independently created program interoperate.', eu2009: 'Art. 6(2)(a)', france: 'IV'},
  {id: 'not-given-to-others', route: 'decompile', text: 'The information is not given to others, except when that is necessary for that interoperability.', eu2009: 'Art. 6(2)(b)', france: 'IV'},
  {
    id: 'not-similar-program',
    route: 'decompile',
    text: 'The information is not used to develop, produce or market a program substantially similar in its expression, or for any other act that infringes copyright.',
    eu2009: 'Art. 6(2)(c)',
    france: 'IV',
  },
  {
    id: 'no-unreasonable-harm',
    route: 'decompile',
    text: "Applying the article does not unreasonably harm the rightholder's legitimate interests or conflict with the normal exploitation of the program.",
    eu2009: 'Art. 6(3)',
    france: null,
  },
];

const EUROPEAN_ROUTES = (observe: string, decompile: string): LegalRoute[] => [
  {id: 'observe', name: observe},
  {id: 'decompile', name: decompile},
];

/** The fair-use rulings share the conditions the chapter's table gives for both. */
type FairUseConditionId = 'analysis-copy' | 'only-way' | 'legitimate-reason';

const fairUseConditions = (source: (locator?: string) => LegalSource, analysisCopy: string): LegalCondition[] => [
  {id: 'analysis-copy', route: 'fair-use', text: analysisCopy, source: source()},
  {id: 'only-way', route: 'fair-use', text: 'Disassembly is the only way to reach the unprotected functional elements of the program.', source: source()},
  {id: 'legitimate-reason', route: 'fair-use', text: 'There is a legitimate reason, such as interoperability, for seeking those elements.', source: source()},
];

export const LEGAL_INSTRUMENTS: readonly LegalInstrument[] = [
  {
    id: 'skype-licence',
    name: "Skype's end-user licence",
    jurisdiction: 'Any (contract)',
    allows: 'Nothing: it prohibited reverse engineering of the binaries.',
    source: eula(),
    routes: [
      {id: 'terms', name: 'The licence terms'},
      {id: 'eu-override', name: 'Inside the EU: contrary clauses void'},
    ],
    conditions: [
      {id: 'no-disassembly', route: 'terms', text: 'The act does not reverse engineer the program by inspecting or disassembling its binaries, which the licence prohibited.', source: eula()},
      {
        id: 'void-in-eu',
        route: 'eu-override',
        text: 'Inside the EU, the act is one that Art. 5(3) or Art. 6 allows, so a licence clause against it is null and void.',
        source: eu2009('Art. 8 and recital 16'),
      },
    ],
    notes: [
      {
        text: 'We could not retrieve the exact clause; the only term the sources report is the ban on reverse engineering by inspecting or disassembling the binaries.',
        sources: [eula(), wikipedia()],
      },
    ],
  },
  {
    id: 'eu-1991',
    name: 'Directive 91/250/EEC, Art. 5(3), 6',
    jurisdiction: 'European Union, 1991',
    allows: 'Observe, study, test; decompile for interoperability.',
    source: eu1991(),
    routes: EUROPEAN_ROUTES('Art. 5(3): observe, study, test', 'Art. 6: decompile for interoperability'),
    conditions: EUROPEAN_CONDITIONS.filter((condition) => condition.id !== 'no-unreasonable-harm').map(({id, route, text}) => ({
      id,
      route,
      text,
      source: eu1991(route === 'observe' ? 'Art. 5(3)' : 'Art. 6'),
    })),
    notes: [
      {
        text: 'Same conditions as the 2009 text, which codifies this one without changing these rules; member states had to transpose it by 31 December 1992.',
        sources: [eu1991(), eu2009()],
      },
    ],
  },
  {
    id: 'eu-2009',
    name: 'Directive 2009/24/EC, Art. 5(3), 6, 8',
    jurisdiction: 'European Union, 2009',
    allows: 'Observe, study, test while using the program; reproduce and translate code when indispensable for interoperability.',
    source: eu2009(),
    routes: EUROPEAN_ROUTES('Art. 5(3): observe, study, test', 'Art. 6: decompile for interoperability'),
    conditions: EUROPEAN_CONDITIONS.map(({id, route, text, eu2009: locator}) => ({id, route, text, source: eu2009(locator)})),
    notes: [{text: 'Contract terms contrary to Art. 6, or to Art. 5(2) and 5(3), are null and void (Art. 8): a licence cannot take these rights away.', sources: [eu2009('Art. 8 and recital 16')]}],
  },
  {
    id: 'france',
    name: 'Code de la propriété intellectuelle, art. L122-6-1 (III, IV)',
    jurisdiction: 'France',
    allows: 'The same two exceptions in national law.',
    source: france(),
    routes: EUROPEAN_ROUTES('III: observe, study, test', 'IV: reproduce and translate for interoperability'),
    conditions: EUROPEAN_CONDITIONS.filter((condition) => condition.france !== null).map(({id, route, text, france: paragraph}) => ({id, route, text, source: france(paragraph!)})),
    notes: [
      {
        text: 'The Caen court of appeal (18 March 2015) treated these exceptions as mandatory rules that apply to any legitimate user, whatever the licence says, and found publishing decompiled code infringing.',
        sources: [france()],
      },
    ],
  },
  {
    id: 'dmca-1201f',
    name: 'DMCA, 17 U.S.C. §1201(f) (1998)',
    jurisdiction: 'United States',
    allows: 'Circumvent access controls to identify and analyse interoperability elements; build tools; share results.',
    source: dmca(),
    routes: [{id: 'circumvention', name: '§1201(f): reverse engineering'}],
    conditions: [
      {id: 'lawful-right', route: 'circumvention', text: 'The person has lawfully obtained the right to use a copy of the program.', source: dmca('(f)(1)')},
      {
        id: 'sole-purpose',
        route: 'circumvention',
        text: 'The sole purpose is to identify and analyse the elements needed for the interoperability of an independently created program with other programs.',
        source: dmca('(f)(1)'),
      },
      {id: 'not-available', route: 'circumvention', text: 'Those elements were not previously readily available to that person.', source: dmca('(f)(1)')},
      {id: 'no-infringement', route: 'circumvention', text: 'The acts do not themselves infringe copyright.', source: dmca('(f)(1)–(3)')},
      {
        id: 'share-for-interoperability',
        route: 'circumvention',
        text: 'Information and means are made available to others solely to enable interoperability, without infringing copyright or breaking other laws.',
        source: dmca('(f)(3)'),
      },
    ],
    notes: [
      {
        text: 'Section 1201 forbids circumventing a technological measure that controls access; whether a US court ever considered Skype’s obfuscation such a measure, our sources do not say. Unlike Art. 8 of the EU directive, it does not void contrary licence terms.',
        sources: [dmca()],
      },
    ],
  },
  {
    id: 'sega-1992',
    name: 'Sega v. Accolade (1992)',
    jurisdiction: 'United States (Ninth Circuit)',
    allows: 'Disassembly of object code as fair use.',
    source: sega(),
    routes: [{id: 'fair-use', name: 'Fair use'}],
    conditions: fairUseConditions(sega, 'The copying is the disassembly of object code made while analysing the program.'),
    notes: [{text: 'A ruling on the copies made while analysing a program, not on what is done with the result.', sources: [sega()]}],
  },
  {
    id: 'sony-2000',
    name: 'Sony v. Connectix (2000)',
    jurisdiction: 'United States (Ninth Circuit)',
    allows: 'Intermediate copying as fair use.',
    source: sony(),
    routes: [{id: 'fair-use', name: 'Fair use'}],
    conditions: fairUseConditions(sony, 'The copies are intermediate copies made while analysing the program, as Connectix repeatedly copied the PlayStation BIOS while building its emulator.'),
    notes: [{text: 'A ruling on the copies made while analysing a program, not on what is done with the result.', sources: [sony()]}],
  },
];

// --- The scenarios -----------------------------------------------------------------------------

const OPEN = 'the sources do not settle this.';

const met = (reason: string, ...sources: LegalSource[]): ConditionAssessment => ({status: 'met', reason, sources});
const notMet = (reason: string, ...sources: LegalSource[]): ConditionAssessment => ({status: 'not-met', reason, sources});
/** An open question: the reason names what is unsettled, and ends with the words of OPEN. */
const open = (question: string, ...sources: LegalSource[]): ConditionAssessment => ({status: 'open', reason: `${question}; ${OPEN}`, sources});
const notApplicable = (reason: string, ...sources: LegalSource[]): ConditionAssessment => ({status: 'not-applicable', reason, sources});

/**
 * A European assessment before its sources are attached: the condition's own source (the rule it
 * reads) is added per instrument, with any extra sources given here. `france` replaces it for France.
 */
interface EuropeanEntry {
  assessment: ConditionAssessment;
  france?: ConditionAssessment;
}

type EuropeanTable = Record<EuropeanConditionId, EuropeanEntry>;

/** The three European instruments' assessments from one table, each reason carrying that instrument's article. */
function european(table: EuropeanTable): Pick<LegalScenario['assessments'], 'eu-1991' | 'eu-2009' | 'france'> {
  const forInstrument = (instrumentId: 'eu-1991' | 'eu-2009' | 'france') => {
    const instrument = LEGAL_INSTRUMENTS.find((candidate) => candidate.id === instrumentId)!;
    return Object.fromEntries(
      instrument.conditions.map((condition) => {
        const entry = table[condition.id as EuropeanConditionId];
        const assessment = instrumentId === 'france' && entry.france ? entry.france : entry.assessment;
        return [condition.id, {...assessment, sources: [condition.source, ...assessment.sources.filter((source) => source.href !== condition.source.href)]}];
      }),
    );
  };
  return {'eu-1991': forInstrument('eu-1991'), 'eu-2009': forInstrument('eu-2009'), france: forInstrument('france')};
}

/** Sega and Connectix read alike; each reason carries its own case. */
function fairUse(table: Record<FairUseConditionId, ConditionAssessment>): Pick<LegalScenario['assessments'], 'sega-1992' | 'sony-2000'> {
  const withCase = (source: LegalSource) =>
    Object.fromEntries(Object.entries(table).map(([id, assessment]) => [id, {...assessment, sources: [source, ...assessment.sources]}]));
  return {'sega-1992': withCase(sega()), 'sony-2000': withCase(sony())};
}

const NO_DECOMPILING = notApplicable('Nothing of the code is reproduced or translated, and Art. 6 is about decompiling it.');

export const LEGAL_SCENARIOS: readonly LegalScenario[] = [
  {
    id: 'write-client',
    title: 'Write a compatible client',
    description:
      'You run a copy of Skype installed under its licence, disassemble the parts you need to learn how it talks, and write your own program that interoperates with it. You publish nothing of what you learned.',
    sources: [eu2009('Art. 6'), dmca()],
    assessments: {
      'skype-licence': {
        'no-disassembly': notMet('You disassemble the binaries, which the licence prohibited.', eula(), wikipedia()),
        'void-in-eu': open('The clause is void only if Art. 5(3) or Art. 6 covers your acts, and several of their conditions are open here', eu2009('Art. 8'), france()),
      },
      ...european({
        'observe-lawful-user': {assessment: met('The scenario assumes you run a copy installed under its licence.')},
        'observe-within-use': {
          assessment: open('Disassembling goes beyond loading and running the program; whether it is still study while using it'),
          france: open('The Caen appeal court found that decompiling part of Skype stayed within observing, studying and testing, on the facts of that case; for yours'),
        },
        'decompile-indispensable': {assessment: open('That depends on what your client needs that no other route gives you')},
        'decompile-lawful-user': {assessment: met('The scenario assumes you hold the right to use your copy.')},
        'decompile-not-available': {assessment: open('Skype published no specification, but talks and code since 2006 describe much of the protocol; whether that makes it readily available', biondi(), oneil())},
        'decompile-needed-parts': {assessment: open('That depends on how much of the binary you decompile')},
        'use-for-interoperability': {assessment: met('The only goal of the scenario is a program that interoperates with Skype.')},
        'not-given-to-others': {assessment: met('You give the information to no one; your program only uses it to interoperate.')},
        'not-similar-program': {assessment: open('Your program must not copy Skype’s expression; whether it does depends on your code')},
        'no-unreasonable-harm': {assessment: open('No source weighs this for a Skype-compatible client')},
      }),
      'dmca-1201f': {
        'lawful-right': met('The scenario assumes you run a copy installed under its licence.', dmca('(f)(1)')),
        'sole-purpose': met('Your only goal is an independently created program that interoperates with Skype.', dmca('(f)(1)')),
        'not-available': open('Skype published no specification, but talks and code since 2006 describe much of the protocol; whether that makes it readily available', dmca('(f)(1)'), biondi()),
        'no-infringement': open('Whether your copies infringe is the fair-use question of Sega and Connectix, and for your client', dmca('(f)(1)'), sega(), sony()),
        'share-for-interoperability': notApplicable('You share neither information nor tools in this scenario.', dmca('(f)(3)')),
      },
      ...fairUse({
        'analysis-copy': met('Disassembling the client to learn how it talks makes exactly these copies.'),
        'only-way': open('Published research now describes much of the protocol; whether disassembly is still the only way', biondi()),
        'legitimate-reason': met('Interoperability is the legitimate reason the court named.'),
      }),
    },
  },
  {
    id: 'publish-key-engine',
    title: 'Publish the key engine',
    description:
      "Decompile Skype's RC4 key-expansion routine and put the C code online, as a blog post did on 7 July 2010. The scenario assumes you hold a copy you may use.",
    sources: [oneil(), france()],
    siteChoice: {
      text: 'This site does not ship, port or translate the key engine: it uses the recorded keys of its sample traffic and a labelled teaching stand-in.',
      href: SITE_CHOICE_HREF,
    },
    assessments: {
      'skype-licence': {
        'no-disassembly': notMet("The code was recovered from Skype's binary, which the licence prohibited.", eula(), oneil()),
        'void-in-eu': notMet('Publishing falls outside Art. 5(3) and Art. 6 in the Caen appeal ruling, so Art. 8 does not set the clause aside for it.', eu2009('Art. 8'), france()),
      },
      ...european({
        'observe-lawful-user': {assessment: met('The scenario assumes you hold a copy you may use.')},
        'observe-within-use': {
          assessment: notMet('Putting code online is not observing, studying or testing the program while using it.'),
          france: notMet('The Caen appeal court found the decompiling within observing, studying and testing, but not the publishing.'),
        },
        'decompile-indispensable': {assessment: open('Whether decompiling this routine was indispensable for interoperability')},
        'decompile-lawful-user': {assessment: met('The scenario assumes you hold a copy you may use.')},
        'decompile-not-available': {assessment: open('Whether the routine was available by other means')},
        'decompile-needed-parts': {assessment: open('The routine is one part of the program; whether it was a part that interoperability needed')},
        'use-for-interoperability': {assessment: open('The defendants’ company aimed at a service that interoperates with Skype, but whether publishing served that goal', france())},
        'not-given-to-others': {
          assessment: notMet('Putting the code online gives it to everyone; the Caen appeal court, applying the French text of this rule, held that this went beyond what interoperability requires.', france()),
          france: notMet('The Caen appeal court held that putting the code online passed it to third parties beyond what interoperability requires.'),
        },
        'not-similar-program': {
          assessment: open('Publishing the decompiled routine may be another act that infringes copyright; outside France', france()),
          france: notMet('The Caen appeal court held that publishing the decompiled code was infringement.'),
        },
        'no-unreasonable-harm': {assessment: open('No source weighs this for the published routine')},
      }),
      'dmca-1201f': {
        'lawful-right': met('The scenario assumes you hold a copy you may use.', dmca('(f)(1)')),
        'sole-purpose': open('Whether putting the code online had interoperability as its sole purpose', dmca('(f)(1)')),
        'not-available': open('Whether the routine was available by other means', dmca('(f)(1)')),
        'no-infringement': open('The Caen ruling judged French law; whether publishing the code infringes under US law', dmca('(f)(1)–(3)'), france()),
        'share-for-interoperability': open('Whether putting the code online for everyone was solely to enable interoperability', dmca('(f)(3)')),
      },
      ...fairUse({
        'analysis-copy': notMet('Publishing the code is not a copy made while analysing; the ruling covers only those.'),
        'only-way': notApplicable('This asks about copies made while analysing, and publishing is not one.'),
        'legitimate-reason': notApplicable('This asks about copies made while analysing, and publishing is not one.'),
      }),
    },
  },
  {
    id: 'publish-packet-formats',
    title: 'Publish packet formats',
    description:
      'Take the binary apart to learn the packet formats, then publish a description of them (layouts, a few real packets) without any of Skype’s code, as the 2006 talks did. The scenario assumes you hold a copy you may use.',
    sources: [biondi(), desclaux()],
    assessments: {
      'skype-licence': {
        'no-disassembly': notMet('Learning the formats from the binary means disassembling it, which the licence prohibited.', eula(), wikipedia()),
        'void-in-eu': open('The clause is void only if Art. 5(3) or Art. 6 covers your acts, and their conditions are open here', eu2009('Art. 8'), france()),
      },
      ...european({
        'observe-lawful-user': {assessment: met('The scenario assumes you hold a copy you may use.')},
        'observe-within-use': {
          assessment: open('Whether taking the binary apart is study while using it, and what the rule says about publishing the results'),
          france: open('The Caen appeal court judged decompiled code, not a description of formats; for a description'),
        },
        'decompile-indispensable': {assessment: open('The chapter leaves whether each step of the 2006 work met Art. 6 to lawyers', biondi())},
        'decompile-lawful-user': {assessment: met('The scenario assumes you hold a copy you may use.')},
        'decompile-not-available': {assessment: open('Skype published no specification; whether anything else made the formats readily available')},
        'decompile-needed-parts': {assessment: open('That depends on how much of the binary you take apart')},
        'use-for-interoperability': {assessment: open('A public description serves learners and others, not one interoperating program')},
        'not-given-to-others': {
          assessment: open('A publication gives the information to everyone; whether that is more than interoperability needs, for a description rather than code'),
          france: open('The Caen appeal court condemned publishing decompiled code; whether a description of formats is treated the same'),
        },
        'not-similar-program': {assessment: open('A description is not a program; whether publishing it could be another infringing act')},
        'no-unreasonable-harm': {assessment: open('No source weighs this for a published description')},
      }),
      'dmca-1201f': {
        'lawful-right': met('The scenario assumes you hold a copy you may use.', dmca('(f)(1)')),
        'sole-purpose': open('A publication for everyone serves more than one program’s interoperability; whether that breaks the sole purpose', dmca('(f)(1)')),
        'not-available': open('Skype published no specification; whether anything else made the formats readily available', dmca('(f)(1)')),
        'no-infringement': open('Whether the analysis copies are fair use here', dmca('(f)(1)–(3)'), sega(), sony()),
        'share-for-interoperability': open('(f)(3) allows sharing solely to enable interoperability; whether a public description is that', dmca('(f)(3)')),
      },
      ...fairUse({
        'analysis-copy': met('Taking the binary apart to learn the formats makes these copies; the description itself copies no code.'),
        'only-way': open('Traffic can be watched from outside, as Baset and Schulzrinne did; whether disassembly was the only way to the formats', baset()),
        'legitimate-reason': open('The court named interoperability; whether teaching and publishing are a legitimate reason'),
      }),
    },
  },
  {
    id: 'detect-traffic',
    title: 'Detect Skype traffic on a company network',
    description:
      'Recognise Skype flows on a company network from their packets, with statistics as Bonfiglio et al. did, without opening the binary or decrypting anything.',
    sources: [bonfiglio()],
    assessments: {
      'skype-licence': {
        'no-disassembly': met('Detection reads packets on the network and opens no binary.', eula(), bonfiglio()),
        'void-in-eu': notApplicable('There is nothing for Art. 8 to set aside: the act is not disassembly.', eu2009('Art. 8')),
      },
      ...european({
        'observe-lawful-user': {assessment: open('A network operator who only watches packets may not be a user of the program at all; whether that matters', bonfiglio())},
        'observe-within-use': {assessment: open('Watching a program’s packets from outside is observation; whether Art. 5(3) is even needed for it', bonfiglio())},
        'decompile-indispensable': {assessment: NO_DECOMPILING},
        'decompile-lawful-user': {assessment: NO_DECOMPILING},
        'decompile-not-available': {assessment: NO_DECOMPILING},
        'decompile-needed-parts': {assessment: NO_DECOMPILING},
        'use-for-interoperability': {assessment: NO_DECOMPILING},
        'not-given-to-others': {assessment: NO_DECOMPILING},
        'not-similar-program': {assessment: NO_DECOMPILING},
        'no-unreasonable-harm': {assessment: NO_DECOMPILING},
      }),
      'dmca-1201f': Object.fromEntries(
        ['lawful-right', 'sole-purpose', 'not-available', 'no-infringement', 'share-for-interoperability'].map((id) => [
          id,
          notApplicable('Statistical detection decrypts nothing and opens no protection: there is no circumvention for §1201(f) to excuse.', dmca(), bonfiglio()),
        ]),
      ),
      ...fairUse({
        'analysis-copy': notApplicable('The detector reads packets, not code: nothing of the program is copied.', bonfiglio()),
        'only-way': notApplicable('The detector reads packets, not code: nothing of the program is copied.', bonfiglio()),
        'legitimate-reason': notApplicable('The detector reads packets, not code: nothing of the program is copied.', bonfiglio()),
      }),
    },
  },
  {
    id: 'security-study',
    title: 'Study the binary for security',
    description:
      'Take the binary apart to judge its security (its anti-debugging, integrity checks and obfuscation), much as the 2006 talks did, with no compatible program in view and nothing published. The scenario assumes you hold a copy you may use.',
    sources: [biondi()],
    assessments: {
      'skype-licence': {
        'no-disassembly': notMet('You disassemble the binaries, which the licence prohibited.', eula(), wikipedia()),
        'void-in-eu': open('The clause is void only if Art. 5(3) covers this study (Art. 6 does not)', eu2009('Art. 8'), france()),
      },
      ...european({
        'observe-lawful-user': {assessment: met('The scenario assumes you hold a copy you may use.')},
        'observe-within-use': {
          assessment: open('Finding the ideas and principles of a program is what the rule allows; whether defeating its protections is study while running it', biondi()),
          france: open('The Caen appeal court found decompiling part of Skype within observing, studying and testing, on that case’s facts; for a security study'),
        },
        'decompile-indispensable': {assessment: notMet('Art. 6 covers decompiling for interoperability only; a security study has another goal.')},
        'decompile-lawful-user': {assessment: met('The scenario assumes you hold a copy you may use.')},
        'decompile-not-available': {assessment: notApplicable('This asks about interoperability information, which a security study does not seek.')},
        'decompile-needed-parts': {assessment: notApplicable('This asks about the parts needed for interoperability, which a security study does not seek.')},
        'use-for-interoperability': {assessment: notMet('The information serves a judgement of security, not interoperability.')},
        'not-given-to-others': {assessment: met('The scenario passes nothing on.')},
        'not-similar-program': {assessment: met('No program is built.')},
        'no-unreasonable-harm': {assessment: open('No source weighs this for a security study')},
      }),
      'dmca-1201f': {
        'lawful-right': met('The scenario assumes you hold a copy you may use.', dmca('(f)(1)')),
        'sole-purpose': notMet('§1201(f) requires interoperability as the sole purpose; a security study has another. Other provisions are outside this chapter’s sources.', dmca('(f)(1)')),
        'not-available': notApplicable('This asks about interoperability elements, which a security study does not seek.', dmca('(f)(1)')),
        'no-infringement': open('Whether the analysis copies are fair use for a security study', dmca('(f)(1)–(3)'), sega(), sony()),
        'share-for-interoperability': notApplicable('The scenario shares nothing.', dmca('(f)(3)')),
      },
      ...fairUse({
        'analysis-copy': met('Taking the binary apart to study it makes these copies.'),
        'only-way': open('Whether disassembly is the only way to reach what a security study looks for'),
        'legitimate-reason': open('The court named interoperability; whether a security study is also a legitimate reason'),
      }),
    },
  },
];

/** The words that end every open reason. */
export const OPEN_REASON_ENDING = OPEN;
