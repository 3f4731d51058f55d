import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { parsePlanText } from '~/domain/plan-parser'
import { computeTransparencyReport, TRANSPARENCY_LABELS_RO, type TransparencyInput } from '~/domain/transparency-report'
import { renderDocx, type DocModel } from '~/services/docx.server'
import {
  minutesSentence,
  planDocModel,
  textBlocks,
  transparencyDocModel,
  type PlanDocInput,
} from '~/services/plan-docx.server'

async function documentXml(model: DocModel): Promise<string> {
  const zip = await JSZip.loadAsync(await renderDocx(model))
  const file = zip.file('word/document.xml')
  if (!file) throw new Error('word/document.xml missing')
  return file.async('string')
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** The visible text of a piece of WordprocessingML: paragraphs and line breaks as "\n". */
function textOf(xml: string): string {
  let out = ''
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>|<\/w:p>/g)) {
    if (m[1] !== undefined) out += decode(m[1])
    else if (m[0] === '<w:tab/>') out += '\t'
    else out += '\n'
  }
  return out.replace(/\n+$/, '')
}

/** The paragraphs outside tables, in order: their style (Heading2 …, or null) and text. */
function bodyParagraphs(xml: string): Array<{ style: string | null; text: string }> {
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')
  return [...body.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/g)]
    .map((m) => ({
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1] ?? null,
      bold: /<w:b\/>/.test(m[0]),
      text: textOf(m[0]),
    }))
    .filter((p) => p.text !== '')
    .map(({ style, bold, text }) => ({ style: style ?? (bold ? 'bold' : null), text }))
}

/** Every table of the document: its rows, each a list of cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    ),
  )
}

const CONSULTATION: PlanDocInput['minutes'][number] = {
  kind: 'consultation',
  title: 'Consultarea furnizorilor pentru Planul anual 2023',
  date: '2023-01-12',
  place: 'Sala de ședințe a Primăriei',
  onlineUrl: null,
  participants: [
    {
      organisationName: 'Asociația Vârstnici Activi Pângărați',
      category: 'beneficiaries_organisation',
      persons: ['Ion Popescu'],
    },
    { organisationName: 'Fundația Casa cu Suflet', category: 'private_provider', persons: ['Maria Ionescu'] },
  ],
  summary: 'Participanții au discutat nevoile vârstnicilor singuri.',
  conclusions: 'Se propune înființarea unui centru de zi pentru vârstnici.',
  url: 'https://consultare.example.ro/pangarati/planuri/pas-2023/minute/1',
}

const SENTENCE_RO =
  'Procesul-verbal al consultării din data de 12.01.2023, organizată la Sala de ședințe a Primăriei cu: ' +
  'Asociația Vârstnici Activi Pângărați (organizație a beneficiarilor), ' +
  'Fundația Casa cu Suflet (furnizor privat de servicii sociale).'

const TABLE_TEXT = [
  'Nr. crt.\tCod serviciu social\tDenumirea serviciului social\tCapacitate\t',
  '1.\t8810 ID - IV\tServicii la domiciliu pentru persoane adulte cu dizabilități\t45\t',
  '\t\t\t\t',
  '2.\t8899 CZ – PN – V\tServicii de asistență comunitară\t3\t',
  '',
  'Serviciile sunt finanțate din bugetul local și de stat.',
].join('\n')

const BASE: PlanDocInput = {
  language: 'ro',
  authorityName: 'Comuna Pângărați',
  title: 'Planul anual de acțiune privind serviciile sociale pe anul 2023',
  kind: 'annual_action_plan',
  year: 2023,
  versionNumber: 2,
  decision: { number: '12', date: '2023-02-27', body: 'HCL' },
  sections: [
    {
      number: null,
      heading: 'Preambul',
      level: 1,
      text: 'Având în vedere:\n\n1. Strategia de dezvoltare a serviciilor sociale\nrespectiv obiectivele operaționale;',
    },
    {
      number: 'CAPITOLUL I',
      heading: 'Administrarea, înființarea și finanțarea serviciilor sociale',
      level: 1,
      text: '',
    },
    { number: 'A.', heading: 'Serviciile sociale existente la nivel local', level: 2, text: TABLE_TEXT },
    { number: '1.1.', heading: 'Centrul de zi „Speranța”', level: 3, text: 'Șase țări își împart pâinea: ĂÂÎȘȚ ăâîșț' },
    { number: 'CAPITOLUL II', heading: 'Informarea publicului', level: 1, text: 'Pliante și afișe.' },
  ],
  minutes: [CONSULTATION],
  reportUrl: 'https://consultare.example.ro/pangarati/planuri/pas-2023/raport',
  recommendationCounts: { received: 7, accepted: 3, partiallyAccepted: 1, rejected: 2, notApplicable: 1 },
}

describe('minutesSentence', () => {
  it('writes the Romanian sentence with the date, place and categories', () => {
    expect(minutesSentence(CONSULTATION, 'ro')).toBe(SENTENCE_RO)
  })

  it('writes the English one', () => {
    expect(minutesSentence(CONSULTATION, 'en')).toBe(
      'Minutes of the consultation of 12.01.2023, held at Sala de ședințe a Primăriei with: ' +
        'Asociația Vârstnici Activi Pângărați (beneficiaries’ organisation), ' +
        'Fundația Casa cu Suflet (private social-services provider).',
    )
  })

  it('names each kind, an online meeting, and every category', () => {
    const debate = {
      ...CONSULTATION,
      kind: 'public_debate' as const,
      place: null,
      onlineUrl: 'https://meet.example.ro/abc',
      participants: [
        { organisationName: 'DGASPC Neamț', category: 'public_provider' as const, persons: [] },
        {
          organisationName: 'Colegiul Asistenților Sociali',
          category: 'professional_association' as const,
          persons: [],
        },
        { organisationName: ' Asociația  Vecini Buni ', category: 'volunteer_organisation' as const, persons: [] },
        { organisationName: 'Asociația Vecini Buni', category: 'volunteer_organisation' as const, persons: [] },
        { organisationName: 'Parohia Pângărați', category: 'other' as const, persons: [] },
        { organisationName: '  ', category: 'other' as const, persons: ['Cineva'] },
      ],
    }
    expect(minutesSentence(debate, 'ro')).toBe(
      'Minuta dezbaterii publice din data de 12.01.2023, organizată online cu: ' +
        'DGASPC Neamț (furnizor public de servicii sociale), ' +
        'Colegiul Asistenților Sociali (asociație profesională), ' +
        'Asociația Vecini Buni (organizație de voluntariat), ' +
        'Parohia Pângărați (altă organizație).',
    )
    expect(minutesSentence({ ...debate, participants: [] }, 'en')).toBe(
      'Minutes of the public debate of 12.01.2023, held online.',
    )
    const meeting = {
      ...CONSULTATION,
      kind: 'tripartite_meeting' as const,
      place: 'în sala de consiliu',
      participants: [],
    }
    expect(minutesSentence(meeting, 'ro')).toBe(
      'Procesul-verbal al întâlnirii din data de 12.01.2023, organizată în sala de consiliu.',
    )
    expect(minutesSentence({ ...meeting, kind: 'other_meeting', onlineUrl: 'https://x' }, 'ro')).toBe(
      'Procesul-verbal al întâlnirii din data de 12.01.2023, organizată în sala de consiliu și online.',
    )
  })
})

describe('textBlocks', () => {
  it('makes paragraphs of blank-line blocks and tables of runs of tab lines', () => {
    expect(textBlocks('Întâi\na doua linie\n\n\nApoi\nA\tB\n1\t2\t\n \nFinal\tcu tab')).toEqual([
      { type: 'paragraph', text: 'Întâi\na doua linie' },
      { type: 'paragraph', text: 'Apoi' },
      { type: 'table', header: ['A', 'B'], rows: [['1', '2']] },
      { type: 'paragraph', text: 'Final\tcu tab' },
    ])
  })
})

describe('planDocModel', () => {
  it('renders the adopted plan: decision, sections, table, minutes at the end', async () => {
    const xml = await documentXml(planDocModel(BASE))
    const paragraphs = bodyParagraphs(xml)
    const texts = paragraphs.map((p) => p.text)

    expect(texts.slice(0, 3)).toEqual([
      'Comuna Pângărați',
      'Planul anual de acțiune privind serviciile sociale pe anul 2023',
      'Adoptat prin HCL nr. 12 / 27.02.2023',
    ])
    expect(paragraphs[1]?.style).toBe('Heading1')
    expect(texts).not.toContain('Proiect')

    const headings = paragraphs.filter((p) => p.style !== null && p.style !== 'bold' && p.style !== 'Heading1')
    expect(headings).toEqual([
      { style: 'Heading2', text: 'Preambul' },
      { style: 'Heading2', text: 'CAPITOLUL I Administrarea, înființarea și finanțarea serviciilor sociale' },
      { style: 'Heading3', text: 'A. Serviciile sociale existente la nivel local' },
      { style: 'Heading2', text: 'CAPITOLUL II Informarea publicului' },
      { style: 'Heading2', text: 'Procesul-verbal/Minuta consultării' },
    ])
    expect(paragraphs).toContainEqual({ style: 'bold', text: '1.1. Centrul de zi „Speranța”' })
    expect(texts).toContain('Șase țări își împart pâinea: ĂÂÎȘȚ ăâîșț')
    expect(texts).toContain('1. Strategia de dezvoltare a serviciilor sociale\nrespectiv obiectivele operaționale;')

    expect(tables(xml)).toEqual([
      [
        ['Nr. crt.', 'Cod serviciu social', 'Denumirea serviciului social', 'Capacitate'],
        ['1.', '8810 ID - IV', 'Servicii la domiciliu pentru persoane adulte cu dizabilități', '45'],
        ['2.', '8899 CZ – PN – V', 'Servicii de asistență comunitară', '3'],
      ],
    ])
    expect(texts).toContain('Serviciile sunt finanțate din bugetul local și de stat.')

    const minutesAt = texts.indexOf('Procesul-verbal/Minuta consultării')
    expect(texts.slice(minutesAt + 1)).toEqual([
      SENTENCE_RO,
      'Concluzii: Se propune înființarea unui centru de zi pentru vârstnici.',
      'Textul integral: https://consultare.example.ro/pangarati/planuri/pas-2023/minute/1',
      'Recomandări primite în consultarea publică: 7 (acceptate: 3; acceptate parțial: 1; respinse: 2; nu este cazul: 1).\n' +
        'Raportul recomandărilor: https://consultare.example.ro/pangarati/planuri/pas-2023/raport',
    ])
    // Persons are not in the document, only their organisations.
    expect(xml).not.toContain('Ion Popescu')
    // Diacritics stay as they are (comma-below ș ț, not cedilla ş ţ).
    expect(xml).toContain('ședințe')
    expect(xml).not.toMatch(/[şţŞŢ]/)
    expect(xml).toContain('w:val="ro-RO"')
  })

  it('says "Proiect" for a draft, and plainly that the minutes are not recorded yet', async () => {
    const model = planDocModel({ ...BASE, decision: null, minutes: [], recommendationCounts: null, reportUrl: null })
    const texts = bodyParagraphs(await documentXml(model)).map((p) => p.text)
    expect(texts[2]).toBe('Proiect')
    expect(texts.some((t) => t.startsWith('Adoptat'))).toBe(false)
    expect(texts.slice(-2)).toEqual([
      'Procesul-verbal/Minuta consultării',
      'Procesul-verbal al consultării nu a fost încă înregistrat.',
    ])
    expect(model.footer).toContain('Proiect')
  })

  it('fills in the plan’s own minutes section in place, not twice', async () => {
    const sections = [
      BASE.sections[0]!,
      {
        number: '7.',
        heading: 'Procesul-verbal/Minuta consultării … din data de ..........',
        level: 1,
        text: 'nu este cazul',
      },
      ...BASE.sections.slice(1),
    ]
    const second = { ...CONSULTATION, kind: 'public_debate' as const, date: '2023-01-05', conclusions: '', url: '' }
    const texts = bodyParagraphs(
      await documentXml(planDocModel({ ...BASE, sections, minutes: [CONSULTATION, second] })),
    ).map((p) => p.text)
    expect(texts.filter((t) => /Procesul-verbal\/Minuta consultării/.test(t))).toEqual([
      '7. Procesul-verbal/Minuta consultării',
    ])
    expect(texts.filter((t) => t === SENTENCE_RO)).toHaveLength(1)
    const at = texts.indexOf('7. Procesul-verbal/Minuta consultării')
    // In date order, before the next section of the plan.
    expect(texts[at + 1]).toMatch(/^Minuta dezbaterii publice din data de 05\.01\.2023/)
    expect(texts[at + 2]).toBe(SENTENCE_RO)
    expect(texts.indexOf('CAPITOLUL I Administrarea, înființarea și finanțarea serviciilor sociale')).toBeGreaterThan(
      at,
    )
    expect(texts).not.toContain('nu este cazul')
  })

  it('keeps a heading that has no blanks in it', () => {
    const sections = [{ number: 'VI.', heading: 'Minuta consultării furnizorilor', level: 1, text: '' }]
    const model = planDocModel({ ...BASE, sections })
    expect(model.blocks.filter((b) => b.type === 'heading')).toEqual([
      { type: 'heading', level: 1, text: BASE.title },
      { type: 'heading', level: 2, text: 'VI. Minuta consultării furnizorilor' },
    ])
  })

  it('fills in the real plan’s minutes line (an item of its preamble) in place', async () => {
    const plan = parsePlanText(readFileSync('tests/fixtures/pangarati-plan-2023.txt', 'utf8'))
    const model = planDocModel({
      ...BASE,
      sections: plan.sections.map((s) => ({ number: s.number, heading: s.heading, level: s.level, text: s.text })),
    })
    const xml = await documentXml(model)
    const texts = bodyParagraphs(xml).map((p) => p.text)
    expect(texts.filter((t) => /minuta consultării/i.test(t))).toEqual([])
    expect(texts).toContain(`7. ${SENTENCE_RO}`)
    const at = texts.indexOf(`7. ${SENTENCE_RO}`)
    expect(texts.indexOf('CAPITOLUL I Administrarea înființarea și finanțarea serviciilor sociale')).toBeGreaterThan(at)
    expect(texts.filter((t) => t === 'Procesul-verbal/Minuta consultării')).toEqual([])
    // The chapter I tables are tables.
    const all = tables(xml)
    expect(all.length).toBeGreaterThanOrEqual(2)
    expect(all[0]?.[0]?.[0]).toBe('Nr. crt.')
    expect(all[0]?.some((row) => row.includes('8810 ID - IV'))).toBe(true)
  })

  it('writes an English document', async () => {
    const model = planDocModel({
      ...BASE,
      language: 'en',
      decision: { number: '12', date: '2023-02-27', body: 'Local Council Decision' },
    })
    const xml = await documentXml(model)
    const texts = bodyParagraphs(xml).map((p) => p.text)
    expect(texts[2]).toBe('Adopted by Local Council Decision no. 12 of 27.02.2023')
    expect(texts).toContain('Minutes of the consultation')
    expect(texts).toContain(minutesSentence(CONSULTATION, 'en'))
    expect(texts.at(-1)).toBe(
      'Recommendations received in the public consultation: 7 (accepted: 3; partially accepted: 1; rejected: 2; not applicable: 1).\n' +
        'Report of recommendations: https://consultare.example.ro/pangarati/planuri/pas-2023/raport',
    )
    expect(xml).toContain('w:val="en-GB"')
  })

  it('counts the recommendations not answered yet, and says when there were none', () => {
    const last = (counts: PlanDocInput['recommendationCounts']) => {
      const block = planDocModel({ ...BASE, recommendationCounts: counts, reportUrl: null }).blocks.at(-1)
      return block?.type === 'paragraph' ? block.text : null
    }
    expect(last({ received: 5, accepted: 1, partiallyAccepted: 0, rejected: 1, notApplicable: 0 })).toBe(
      'Recomandări primite în consultarea publică: 5 (acceptate: 1; acceptate parțial: 0; respinse: 1; nu este cazul: 0; fără răspuns: 3).',
    )
    expect(last({ received: 0, accepted: 0, partiallyAccepted: 0, rejected: 0, notApplicable: 0 })).toBe(
      'În consultarea publică nu au fost primite recomandări.',
    )
  })
})

describe('transparencyDocModel', () => {
  it('renders the indicators and the drafts of the year', async () => {
    const plans: TransparencyInput['plans'] = [
      {
        reference: 'PAS-2023',
        title: 'Planul anual 2023',
        publishedOn: '2023-01-05',
        status: 'adopted',
        decisionDate: '2023-02-27',
      },
      {
        reference: 'STR-2024',
        title: 'Strategia 2024–2030',
        publishedOn: '2023-12-31',
        status: 'in_consultation',
        decisionDate: null,
      },
      {
        reference: 'PAS-2022',
        title: 'Planul anual 2022',
        publishedOn: '2022-01-05',
        status: 'adopted',
        decisionDate: '2022-02-27',
      },
    ]
    const input: TransparencyInput = {
      year: 2023,
      authorityName: 'Comuna Pângărați',
      plans,
      recommendations: [
        { planReference: 'PAS-2023', submittedOn: '2023-01-10', status: 'registered', answer: 'accepted' },
      ],
      debateRequests: [],
      meetings: [
        {
          kind: 'other_meeting',
          date: '2023-03-01',
          status: 'approved',
          participants: 3,
          organisations: 1,
          closedReason: 'Informații clasificate',
        },
      ],
    }
    const counts = computeTransparencyReport(input)
    const model = transparencyDocModel({
      counts,
      labels: TRANSPARENCY_LABELS_RO,
      year: 2023,
      authorityName: 'Comuna Pângărați',
      language: 'ro',
      plans,
    })
    const xml = await documentXml(model)
    const texts = bodyParagraphs(xml).map((p) => p.text)
    expect(texts[0]).toBe('Raport anual privind transparența decizională pe anul 2023')
    expect(model.title).toBe('Raport anual privind transparența decizională pe anul 2023')
    const [indicators, drafts] = tables(xml)
    expect(indicators?.[0]).toEqual(['Indicator', 'Răspuns'])
    expect(indicators).toContainEqual(['Numărul total al recomandărilor primite', '1'])
    expect(indicators).toContainEqual([
      'Numărul ședințelor care nu au fost publice și motivele restricționării accesului',
      '1',
    ])
    expect(indicators).toContainEqual(['Motivele restricționării accesului', 'Informații clasificate'])
    expect(drafts).toEqual([
      ['Nr. referință', 'Titlul proiectului', 'Anunțat public la', 'Stadiu', 'Adoptat la'],
      ['PAS-2023', 'Planul anual 2023', '05.01.2023', 'Adoptat', '27.02.2023'],
      ['STR-2024', 'Strategia 2024–2030', '31.12.2023', 'În consultare publică', ''],
    ])
  })

  it('says so when there were no drafts', () => {
    const counts = computeTransparencyReport({
      year: 2023,
      authorityName: 'X',
      plans: [],
      recommendations: [],
      debateRequests: [],
      meetings: [],
    })
    const model = transparencyDocModel({
      counts,
      labels: TRANSPARENCY_LABELS_RO,
      year: 2023,
      authorityName: 'X',
      language: 'ro',
      plans: [],
    })
    expect(model.blocks.at(-1)).toEqual({ type: 'paragraph', text: TRANSPARENCY_LABELS_RO.noDrafts, italic: true })
  })
})
