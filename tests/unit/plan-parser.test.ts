import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  outlineAnchors,
  parsePlanHtml,
  parsePlanText,
  sectionAnchor,
  type ParsedPlan,
  type ParsedSection,
} from '~/domain/plan-parser'

const pangarati = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/pangarati-plan-2023.txt'), 'utf8')

/** Whitespace, the separators a heading may lose after its number, and invisible characters. */
// eslint-disable-next-line no-control-regex
const squeeze = (s: string) => s.replace(/[\s:.\-–—\u200b-\u200d\u2060\u00ad\u0000-\u001f\u007f]/g, '')

/** Every non-empty line of the input is somewhere: the title, a number and heading, or a text. */
function lostLines(input: string, plan: ParsedPlan): string[] {
  const haystacks = [plan.title, ...plan.sections.map((s) => `${s.number ?? ''} ${s.heading}\n${s.text}`)].map(squeeze)
  return input
    .split(/\r\n?|[\n\f\v\u2028\u2029\u0085]/) // form feeds and vertical tabs are Word's page and line breaks
    .map(squeeze)
    .filter(Boolean)
    .filter((line) => !haystacks.some((h) => h.includes(line)))
}

const outline = (plan: ParsedPlan) => plan.sections.map((s) => [s.number, s.heading, s.level])
const byAnchor = (plan: ParsedPlan, anchor: string): ParsedSection => {
  const found = plan.sections.find((s) => s.anchor === anchor)
  if (!found) throw new Error(`no section #${anchor}`)
  return found
}

describe('the Pângărați plan (Word text)', () => {
  const plan = parsePlanText(pangarati)

  it('has its first line as title', () => {
    expect(plan.title).toBe(
      'Planul anual de acțiune privind serviciile sociale administrate și finanțate din bugetul Comunei Pângărați pentru anul 2023',
    )
  })

  it('comes out as preamble, chapters I–III with parts A–D, and the two closing parts', () => {
    expect(outline(plan)).toEqual([
      [null, 'Preambul', 1],
      ['CAPITOLUL I', 'Administrarea înființarea și finanțarea serviciilor sociale', 1],
      ['A.', 'Serviciile sociale existente la nivel local', 2],
      ['B.', 'Serviciile sociale propuse spre a fi înființate', 2],
      [
        'C.',
        'Programul anual de contractare a serviciilor sociale din fonduri publice, în baza prevederilor Legii ' +
          'asistenței sociale nr. 292 / 2011, cu modificările și completările ulterioare, pentru realizarea ' +
          'obiectivului operațional: Dezvoltarea și diversificarea serviciilor sociale furnizate la nivel local cu ' +
          'scopul de a răspunde cât mai bine nevoilor sociale ale comunității prevăzută în „Strategia de dezvoltare ' +
          'a serviciilor sociale pentru perioada 2018 – 2024 a Comunei Pângărați” - nu este cazul',
        2,
      ],
      [
        'D.',
        'Programul de subvenționare a asociațiilor, fundațiilor și cultelor recunoscute de lege, în baza Legii ' +
          'nr.34/1998 privind acordarea unor subvenții asociațiilor și fundațiilor române cu personalitate ' +
          'juridică, care înființează și administrează unități de asistență socială, cu completările ulterioare:',
        2,
      ],
      [
        'CAPITOLUL II',
        'Planificarea activităților de informare a publicului cu privire la serviciile sociale existente la nivel local',
        1,
      ],
      [
        'CAPITOLUL III',
        'Programul de formare și îndrumare metodologică a personalului care lucrează în domeniul serviciilor sociale',
        1,
      ],
      [null, 'Grupuri țintă / categorii de persoane aflate în situații de risc', 1],
      [null, 'Monitorizarea', 1],
    ])
  })

  it('has stable, unique anchors from the numbering', () => {
    expect(plan.sections.map((s) => s.anchor)).toEqual([
      'preambul',
      'cap-i',
      'cap-i-a',
      'cap-i-b',
      'cap-i-c',
      'cap-i-d',
      'cap-ii',
      'cap-iii',
      'grupuri-tinta-categorii-de-persoane',
      'monitorizarea',
    ])
    expect(parsePlanText(pangarati)).toEqual(plan)
  })

  it('keeps the considerations and the numbered lists as text of the preamble', () => {
    const preamble = plan.sections[0]!
    expect(preamble.text.startsWith('Având în vedere:')).toBe(true)
    for (const phrase of [
      '1. Strategia de dezvoltare a serviciilor sociale pentru perioada 2018 – 2024',
      'Obiectiv specific 5:',
      '3.Strategiile naționale:',
      '1.Accesibilitate și mobilitate',
      '6. Acorduri de cooperare/parteneriate:',
      '- Protocol de colaborare încheiat în luna martie 2017',
      '7. Procesul-verbal/minuta consultării',
      '3. Programul de formare și îndrumare metodologică a personalului care lucrează în domeniul serviciilor sociale – Capitolul III.',
    ]) {
      expect(preamble.text).toContain(phrase)
    }
    expect(preamble.text).not.toContain('CAPITOLUL I')
  })

  it('keeps the numbered lists of parts and chapters in their bodies', () => {
    const d = byAnchor(plan, 'cap-i-d')
    expect(d.text.split('\n\n')).toEqual([
      '1. Serviciile sociale eligibile/neeligibile pentru a primi subvenții de la bugetul local:',
      '- a. _____ - _____ - nu este cazul.',
      '- b. _____ - _____ - nu este cazul.',
      '2. Capitolele de cheltuieli curente de funcționare a unităților de asistență socială, pentru care se pot acorda subvenții;',
      '3. Bugetul estimat al programului de subvenționare _____ - _____ - nu este cazul.',
    ])
    const two = byAnchor(plan, 'cap-ii')
    expect(two.text).toContain('3. Telefonul verde – nu este cazul;')
    expect(two.text).toContain(' - a. Strategia de dezvoltare a serviciilor sociale;'.trim())
    expect(two.text).toContain('8. Mesaje de interes public transmise prin presă – când este cazul.')
    const three = byAnchor(plan, 'cap-iii')
    expect(three.text).toContain('a) cursuri de perfecționare')
    expect(three.text).toContain('f) altele:')
    expect(three.text).toContain('- c) etc')
    expect(byAnchor(plan, 'grupuri-tinta-categorii-de-persoane').text).toContain('- G. Victime ale violenței domestice')
    const monitoring = byAnchor(plan, 'monitorizarea')
    expect(monitoring.text.startsWith('Monitorizarea Planului anual de acțiune se va face')).toBe(true)
    expect(
      monitoring.text.endsWith('sumele alocate pentru serviciul de protecție și asistență socială în anul 2023.'),
    ).toBe(true)
  })

  it('"nu este cazul" stays in part C', () => {
    const c = byAnchor(plan, 'cap-i-c')
    expect(c.heading.endsWith('- nu este cazul')).toBe(true)
    expect(c.text).toBe('')
  })

  it('renders the tab-separated tables as tables, every text escaped', () => {
    const a = byAnchor(plan, 'cap-i-a')
    expect(a.html.startsWith('<table><tbody><tr><td>Nr. crt.</td>')).toBe(true)
    expect(a.html).toContain(
      '<tr><td>1.</td><td>8810 ID - IV</td><td>Servicii la domiciliu destinate persoanelor adulte cu dizabilități prin asistent personal</td><td>45</td><td>21</td><td>140000</td>',
    )
    expect(a.html).toContain('<tr><td>Total</td><td></td><td></td><td>48</td><td>24</td>')
    expect(a.html.match(/<table>/g)).toHaveLength(1)
    expect(a.text.split('\n')[2]).toBe(
      '1.\t8810 ID - IV\tServicii la domiciliu destinate persoanelor adulte cu dizabilități prin asistent personal\t45\t21\t140000\t0\t110000\t0\t0',
    )
    const b = byAnchor(plan, 'cap-i-b')
    expect(b.html).toContain('<td>8899 CZ – VD - I</td>')
    const three = byAnchor(plan, 'cap-iii')
    expect(three.html).toContain('<p>a) cursuri de perfecționare</p>\n<table><tbody><tr><td></td><td>Nr. persoane</td>')
    expect(three.html.match(/<table>/g)).toHaveLength(4)
  })

  it('loses no line', () => {
    expect(lostLines(pangarati, plan)).toEqual([])
  })
})

describe('headings', () => {
  it('CAPITOLUL, A., 1. and a) make four levels when the items behave as headings', () => {
    const plan = parsePlanText(
      [
        'Plan anual 2024',
        '',
        'Introducere.',
        '',
        'CAPITOLUL I - Dispoziții generale',
        'A. Servicii existente',
        '1. Centrul de zi',
        'Centrul are 20 de locuri.',
        'a) Personal',
        'Doi asistenți sociali.',
        'b) Buget',
        '50.000 lei.',
        '2. Cantina socială',
        'Serviciul funcționează zilnic.',
        'B. Servicii propuse',
        '1. Nu sunt;',
        '2. Nu sunt.',
        'Cap. II',
        'Informarea publicului',
        'Campanii anuale.',
      ].join('\n'),
    )
    expect(plan.title).toBe('Plan anual 2024')
    expect(plan.sections.map((s) => [s.number, s.heading, s.level, s.anchor, s.text])).toEqual([
      [null, 'Preambul', 1, 'preambul', 'Introducere.'],
      ['CAPITOLUL I', 'Dispoziții generale', 1, 'cap-i', ''],
      ['A.', 'Servicii existente', 2, 'cap-i-a', ''],
      ['1.', 'Centrul de zi', 3, 'cap-i-a-1', 'Centrul are 20 de locuri.'],
      ['a)', 'Personal', 4, 'cap-i-a-1-a', 'Doi asistenți sociali.'],
      ['b)', 'Buget', 4, 'cap-i-a-1-b', '50.000 lei.'],
      ['2.', 'Cantina socială', 3, 'cap-i-a-2', 'Serviciul funcționează zilnic.'],
      // A list whose items end in ";" or "." and have nothing under them stays a list.
      ['B.', 'Servicii propuse', 2, 'cap-i-b', '1. Nu sunt;\n\n2. Nu sunt.'],
      // The number alone on its line: the short line after it is its heading.
      ['Cap. II', 'Informarea publicului', 1, 'cap-ii', 'Campanii anuale.'],
    ])
  })

  it('one item that reads as a sentence keeps the whole group as a list', () => {
    const plan = parsePlanText('CAPITOLUL I\n\n1. Obiective\nText.\n2. Acesta este un punct al unei liste.\nText.')
    expect(outline(plan)).toEqual([['CAPITOLUL I', '', 1]])
    expect(plan.sections[0]!.text).toBe('1. Obiective\n\nText.\n\n2. Acesta este un punct al unei liste.\n\nText.')
  })

  it('1.1. items nest under 1.', () => {
    const plan = parsePlanText(
      'CAPITOLUL 1: Context\n1. Analiza\nx\n1.1. Populația\ny\n1.2 Servicii\nz\n2. Concluzii\nw',
    )
    expect(plan.sections.map((s) => [s.number, s.level, s.anchor])).toEqual([
      ['CAPITOLUL 1', 1, 'cap-1'],
      ['1.', 3, 'cap-1-1'],
      ['1.1.', 4, 'cap-1-1-1-1'],
      ['1.2', 4, 'cap-1-1-1-2'],
      ['2.', 3, 'cap-1-2'],
    ])
  })

  it('a strategy decision with articles: articles are the top level; "(1)" and a non-consecutive article stay text', () => {
    const plan = parsePlanText(
      [
        'HOTĂRÂRE privind aprobarea Strategiei de dezvoltare a serviciilor sociale',
        '',
        'Consiliul Local, având în vedere referatul de aprobare;',
        '',
        'Art. 1. - Se aprobă Strategia de dezvoltare a serviciilor sociale pentru perioada 2024-2030, prevăzută în anexă.',
        'Art. 2 – Obiectivele strategiei',
        '(1) Obiectivul general este incluziunea socială.',
        'Articolul 3',
        'Dispoziții finale',
        'Prezenta hotărâre se comunică Instituției Prefectului.',
        'Art. 7 se citește împreună cu anexa.',
      ].join('\n'),
    )
    expect(plan.title).toBe('HOTĂRÂRE privind aprobarea Strategiei de dezvoltare a serviciilor sociale')
    expect(plan.sections.map((s) => [s.number, s.heading, s.level, s.anchor])).toEqual([
      [null, 'Preambul', 1, 'preambul'],
      ['Art. 1', '', 1, 'art-1'],
      ['Art. 2', 'Obiectivele strategiei', 1, 'art-2'],
      ['Articolul 3', 'Dispoziții finale', 1, 'art-3'],
    ])
    expect(plan.sections[1]!.text).toBe(
      'Se aprobă Strategia de dezvoltare a serviciilor sociale pentru perioada 2024-2030, prevăzută în anexă.',
    )
    expect(plan.sections[3]!.text).toBe(
      'Prezenta hotărâre se comunică Instituției Prefectului.\n\nArt. 7 se citește împreună cu anexa.',
    )
  })

  it('articles inside chapters are level 3', () => {
    const plan = parsePlanText('CAPITOLUL I Dispoziții generale\nArt. 1 Scopul\nText.\nArt. 2 Definiții\nText.')
    expect(plan.sections.map((s) => [s.number, s.level, s.anchor])).toEqual([
      ['CAPITOLUL I', 1, 'cap-i'],
      ['Art. 1', 3, 'cap-i-art-1'],
      ['Art. 2', 3, 'cap-i-art-2'],
    ])
  })

  it('Roman headings are chapters when there is no CAPITOL; a letter part in sequence wins over a Roman numeral', () => {
    const plan = parsePlanText(
      'I. Context\nText.\nII. Obiective\nA. Unu\nx\nB. Doi\ny\nC. Trei\nz\nD. Patru\nw\nIII. Final\nText.',
    )
    expect(outline(plan)).toEqual([
      ['I.', 'Context', 1],
      ['II.', 'Obiective', 1],
      ['A.', 'Unu', 2],
      ['B.', 'Doi', 2],
      ['C.', 'Trei', 2],
      ['D.', 'Patru', 2],
      ['III.', 'Final', 1],
    ])
    expect(plan.sections.map((s) => s.anchor)).toEqual(['i', 'ii', 'ii-a', 'ii-b', 'ii-c', 'ii-d', 'iii'])
  })

  it('does not take references, lists, abbreviations or sentences for headings', () => {
    const plan = parsePlanText(
      [
        'CAPITOLUL I: Servicii',
        'Capitolul I cuprinde serviciile existente.',
        'A.J.O.F.M. Neamț colaborează cu primăria.',
        '- A. Copii și familii;',
        'C. Nu urmează după A sau B, deci nu este o parte.',
        '14.12.2017 este data aprobării.',
        '10.000 lei buget.',
        'art. 112 din Legea nr. 292/2011.',
      ].join('\n'),
    )
    expect(outline(plan)).toEqual([['CAPITOLUL I', 'Servicii', 1]])
    expect(plan.sections[0]!.text.split('\n\n')).toHaveLength(7)
  })

  it('a document without structure is one section; numbered lists stay in it', () => {
    const input = 'Acesta este un text fără structură.\nAl doilea rând.\n\n1. Primul punct;\n2. Al doilea punct.'
    const plan = parsePlanText(input)
    expect(plan.title).toBe('')
    expect(plan.sections).toEqual([
      {
        number: null,
        heading: '',
        level: 1,
        text: 'Acesta este un text fără structură.\n\nAl doilea rând.\n\n1. Primul punct;\n\n2. Al doilea punct.',
        html: '<p>Acesta este un text fără structură.</p>\n<p>Al doilea rând.</p>\n<p>1. Primul punct;</p>\n<p>2. Al doilea punct.</p>',
        anchor: 'text',
      },
    ])
  })

  it('without higher structure, numbered items that behave as headings are the top level', () => {
    const plan = parsePlanText('Raport\n\n1. Introducere\nText.\n\n2. Analiza\na) Copii\nText.\nb) Vârstnici\nText.')
    expect(plan.sections.map((s) => [s.number, s.heading, s.level, s.anchor])).toEqual([
      ['1.', 'Introducere', 1, '1'],
      ['2.', 'Analiza', 1, '2'],
      ['a)', 'Copii', 2, '2-a'],
      ['b)', 'Vârstnici', 2, '2-b'],
    ])
  })

  it('repeated numbers get -2, -3 without taking an anchor another section has', () => {
    const plan = parsePlanText('CAPITOLUL I: A\nx\nCAPITOLUL I: B\ny\nCAPITOLUL I: C\nz')
    expect(plan.sections.map((s) => s.anchor)).toEqual(['cap-i', 'cap-i-2', 'cap-i-3'])
    expect(
      outlineAnchors([
        { number: 'CAPITOLUL I', heading: '', level: 1 },
        { number: '2.', heading: 'x', level: 3 },
        { number: 'CAPITOLUL I', heading: '', level: 1 },
      ]),
    ).toEqual(['cap-i', 'cap-i-2', 'cap-i-3'])
  })
})

describe('text normalisation', () => {
  it('CRLF, NBSP, stray spaces and tabs; diacritics kept as written, cedillas included', () => {
    const plan = parsePlanText(
      'Planul  anual\u00a02024\r\n\r\n  CAPITOLUL\u00a0 II :  Informarea   publicului \r\nCampanii   de informare şi ţintă; și țintă.\r\n',
    )
    expect(plan.title).toBe('Planul anual 2024')
    expect(plan.sections).toHaveLength(1)
    expect(plan.sections[0]).toMatchObject({
      number: 'CAPITOLUL II',
      heading: 'Informarea publicului',
      text: 'Campanii de informare şi ţintă; și țintă.',
      anchor: 'cap-ii',
    })
  })

  it('empty input: no title, no section', () => {
    expect(parsePlanText('')).toEqual({ title: '', sections: [] })
    expect(parsePlanText(' \r\n\t\n\u00a0\n')).toEqual({ title: '', sections: [] })
    expect(parsePlanHtml('')).toEqual({ title: '', sections: [] })
  })

  it('one-cell-per-line tables stay paragraphs; tab rows become a table with every text escaped', () => {
    const plan = parsePlanText('CAPITOLUL I\n\tNr.\n\tDenumire\n\n<b>x</b>\t"y" & z\n1\t<script>alert(1)</script>')
    expect(plan.sections[0]!.html).toBe(
      '<p>Nr.</p>\n<p>Denumire</p>\n<table><tbody><tr><td>&lt;b&gt;x&lt;/b&gt;</td><td>&quot;y&quot; &amp; z</td></tr>' +
        '<tr><td>1</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr></tbody></table>',
    )
    expect(plan.sections[0]!.text).toBe('Nr.\n\nDenumire\n\n<b>x</b>\t"y" & z\n1\t<script>alert(1)</script>')
  })
})

describe('sectionAnchor', () => {
  it('derives URL-safe anchors from the numbering path', () => {
    expect(sectionAnchor([])).toBe('preambul')
    expect(sectionAnchor(['CAPITOLUL I'])).toBe('cap-i')
    expect(sectionAnchor(['CAPITOLUL I', 'A.'])).toBe('cap-i-a')
    expect(sectionAnchor(['CAPITOLUL I', 'A.', '1.'])).toBe('cap-i-a-1')
    expect(sectionAnchor(['Cap. II', 'a)'])).toBe('cap-ii-a')
    expect(sectionAnchor(['Capitolul 3', '3. 1.'])).toBe('cap-3-3-1')
    expect(sectionAnchor(['Articolul 12'])).toBe('art-12')
    expect(sectionAnchor(['Art. 3'])).toBe('art-3')
    expect(sectionAnchor(['Grupuri ţintă / categorii'])).toBe('grupuri-tinta-categorii')
  })
})

describe('parsePlanHtml (mammoth output)', () => {
  const html =
    '<h1>Planul anual de acțiune 2024</h1><p>Având în vedere:</p><ol><li>Strategia locală;</li><li>Legea 292/2011.</li></ol>' +
    '<h2>CAPITOLUL I: Administrarea serviciilor</h2><p><strong>A.</strong> Serviciile sociale existente</p>' +
    '<table><tr><td colspan="2" style="color:red" onclick="x()"><p>Cod</p></td><td><p>Denumire</p></td></tr>' +
    '<tr><td><p>8899 CZ-PN-V</p></td><td><p>Asistență &amp; comunitară</p></td></tr></table>' +
    '<p>x<script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">legătură</a></p>' +
    '<h2>Monitorizare</h2><p>Indicatori &lt;b&gt; ş ţ</p>'
  const plan = parsePlanHtml(html)

  it('takes headings and heading-like paragraphs as sections', () => {
    expect(plan.title).toBe('Planul anual de acțiune 2024')
    expect(plan.sections.map((s) => [s.number, s.heading, s.level, s.anchor])).toEqual([
      [null, 'Preambul', 1, 'preambul'],
      ['CAPITOLUL I', 'Administrarea serviciilor', 1, 'cap-i'],
      ['A.', 'Serviciile sociale existente', 2, 'cap-i-a'],
      [null, 'Monitorizare', 1, 'monitorizare'],
    ])
    expect(plan.sections[0]!.text).toBe('Având în vedere:\n\nStrategia locală;\nLegea 292/2011.')
    expect(plan.sections[0]!.html).toBe(
      '<p>Având în vedere:</p>\n<ol><li>Strategia locală;</li><li>Legea 292/2011.</li></ol>',
    )
  })

  it('keeps tables, drops scripts, images, links and attributes but colspan', () => {
    const a = plan.sections[2]!
    expect(a.html).toBe(
      '<table><tr><td colspan="2"><p>Cod</p></td><td><p>Denumire</p></td></tr>' +
        '<tr><td><p>8899 CZ-PN-V</p></td><td><p>Asistență &amp; comunitară</p></td></tr></table>\n<p>xlegătură</p>',
    )
    expect(a.text).toBe('Cod\tDenumire\n8899 CZ-PN-V\tAsistență & comunitară\n\nxlegătură')
    expect(plan.sections[3]!.text).toBe('Indicatori <b> ş ţ')
    expect(plan.sections[3]!.html).toBe('<p>Indicatori &lt;b&gt; ş ţ</p>')
  })

  it('a chapter number in bold with its heading in the next paragraph', () => {
    const p = parsePlanHtml(
      '<p><strong>CAPITOLUL II</strong></p><p><strong>Informarea publicului</strong></p><p>Text.</p>',
    )
    expect(p.sections.map((s) => [s.number, s.heading, s.text])).toEqual([
      ['CAPITOLUL II', 'Informarea publicului', 'Text.'],
    ])
  })

  it('survives broken markup', () => {
    const p = parsePlanHtml(
      '<p>CAPITOLUL I<p>Text <b>bold <i>nested</p></div></table><td>x</td><!-- c --><p a="1 b=2>y</p><',
    )
    expect(p.sections.map((s) => [s.number, s.heading, s.text])).toEqual([
      ['CAPITOLUL I', 'Text bold nested', 'x <p a="1 b=2>y<'],
    ])
    // The stray cell is unwrapped: no <td> outside a row.
    expect(p.sections[0]!.html).toBe('<p>x&lt;p a=&quot;1 b=2&gt;y&lt;</p>')
  })
})

// ---------------------------------------------------------------------------------------------
// Properties: random mixes of the lines plans are made of.

const lineArb = fc.oneof(
  fc.constantFrom(
    'CAPITOLUL I: Administrarea',
    'Capitolul 2 - Informare',
    'CAP. III',
    'Capitolul I;',
    'A. Serviciile existente',
    'B. Servicii propuse',
    'C. Nu este cazul',
    '- A. Copii',
    'I. Context',
    'II. Obiective',
    'Art. 1 Scopul',
    'Art. 2. - (1) Se aprobă.',
    'Articolul 3',
    '1. Strategia de dezvoltare;',
    '1. Obiective',
    '2. Analiza',
    '1.1. Populația',
    '3. 1. Strategia',
    'a) cursuri de perfecționare',
    'b) altele:',
    '- a) pentru asistenți sociali',
    'Monitorizarea',
    'Grupuri țintă',
    'Obiective specifice:',
    'Text obișnuit al planului, cu punct.',
    '\tNr. persoane\tBuget estimat = lei =',
    'Total\t\t48\t24',
    '\tcelulă singură',
    '<script>alert(1)</script>',
    'x & y < z',
    '',
    '',
    ' ',
    '\u00a0',
    'şi ţară — ș ț ă â î',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
const documentArb = fc
  .tuple(fc.array(lineArb, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol))

const ANCHOR = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

describe('properties', () => {
  it('never throws, never loses a line, anchors are URL-safe and unique, html has no live markup', () => {
    fc.assert(
      fc.property(documentArb, (input) => {
        const plan = parsePlanText(input)
        expect(lostLines(input, plan)).toEqual([])
        const anchors = plan.sections.map((s) => s.anchor)
        expect(new Set(anchors).size).toBe(anchors.length)
        for (const s of plan.sections) {
          expect(s.anchor).toMatch(ANCHOR)
          expect(s.level).toBeGreaterThanOrEqual(1)
          expect(s.html).not.toMatch(/<(?!\/?(p|table|tbody|tr|td)>)/)
        }
        expect(parsePlanText(input)).toEqual(plan)
      }),
      { numRuns: 500 },
    )
  })

  it('the same document as HTML paragraphs never throws and keeps the anchors unique', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), (lines) => {
        const html = lines.map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')
        const plan = parsePlanHtml(html)
        const anchors = plan.sections.map((s) => s.anchor)
        expect(new Set(anchors).size).toBe(anchors.length)
        for (const a of anchors) expect(a).toMatch(ANCHOR)
      }),
      { numRuns: 300 },
    )
  })

  it('arbitrary HTML never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (html) => {
        const plan = parsePlanHtml(html)
        for (const s of plan.sections) expect(s.html).not.toMatch(/<script|onerror|javascript:/i)
      }),
      { numRuns: 300 },
    )
  })
})
