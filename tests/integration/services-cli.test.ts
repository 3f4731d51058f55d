import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servicesParseCommand } from '../../scripts/services-command'

const root = path.resolve(import.meta.dirname, '../..')
const demo = path.join(root, 'tests/fixtures/demo-services-table.txt')
const pangarati = path.join(root, 'tests/fixtures/pangarati-plan-2023.txt')
let dir: string

const DEMO_JSON = {
  services: [
    ['1', '8899 CPDH-I', '8899 CPDH-I', 'Cantina Socială Demo Nord', 400, 35, 1250000, null],
    ['2', '8899CPDH-I', '8899 CPDH-I', 'Cantina Socială Demo Sud', 350, 40, 1100500, null],
    [
      '3',
      '8790CRVD-I',
      '8790 CR-VD-I',
      'Centrul de primire în regim de urgență pentru victimele violenței domestice - AURORA',
      24,
      80,
      902310,
      null,
    ],
    [
      '4',
      '8790CR-VD-III',
      '8790 CR-VD-III',
      'Locuințe protejate pentru victimele violenței în familie - Demo',
      4,
      50,
      210000,
      null,
    ],
    ['5', '8891CZ-C-II', '8891 CZ-C-II', 'Centrul de zi pentru copii - Curcubeu', 30, 100, 1500000, 120000],
    ['6', '8810 ID - I', '8810 ID-I', 'Unitate de îngrijiri la domiciliu Demo', 120, 25, 640000, null],
  ].map(([number, code, codeNormalized, name, capacity, occupancyPercent, local, state]) => ({
    number,
    code,
    codeNormalized,
    name,
    capacity,
    occupancyPercent,
    budget: { local, county: null, state, beneficiaries: null, other: null },
  })),
}

async function run(file: string, json: boolean) {
  const out: string[] = []
  const err: string[] = []
  const code = await servicesParseCommand(
    file,
    { json },
    (l) => out.push(l),
    (l) => err.push(l),
  )
  return { code, out, err }
}

function standalone(...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/services-command.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

function write(name: string, content: string | Uint8Array) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] })
const row = (...cells: string[]) => new TableRow({ children: cells.map(cell) })

/** A plan as Word writes it, with the table of existing services (one header row). */
async function planDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('CAPITOLUL I: Administrarea, înființarea și finanțarea serviciilor sociale'),
          new Paragraph('A. Serviciile sociale existente la nivel local'),
          new Table({
            rows: [
              row(
                'Nr. crt.',
                'Cod serviciu social',
                'Denumirea serviciului social',
                'Capacitate',
                'Grad de ocupare',
                'Buget local',
                'Buget județean',
                'Buget de stat',
                'Contribuții persoane beneficiare',
                'Alte surse',
              ),
              row(
                '1.',
                '8899 CZ – PN – V',
                'Servicii de asistență comunitară',
                '3',
                '100%',
                '160.000',
                '-',
                '85.000',
                '-',
                '-',
              ),
              row('2.', '8790CRVD-I', 'Centrul Aurora', '24', '80%', '902 310', '-', '-', '-', '-'),
            ],
          }),
          new Paragraph('B. Serviciile sociale propuse spre a fi înființate'),
          new Paragraph('Nu este cazul.'),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planuri-services-cli-'))
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('services parse (CLI contract)', () => {
  it('--json prints exactly one object: the six demo services, only the contract keys', async () => {
    const { code, out, err } = await run(demo, true)
    expect(code).toBe(0)
    expect(err).toEqual([])
    expect(out).toHaveLength(1)
    const parsed = JSON.parse(out[0]!) as { services: Array<Record<string, unknown>> }
    expect(parsed).toEqual(DEMO_JSON)
    expect(Object.keys(parsed)).toEqual(['services'])
    for (const s of parsed.services) {
      expect(Object.keys(s)).toEqual([
        'number',
        'code',
        'codeNormalized',
        'name',
        'capacity',
        'occupancyPercent',
        'budget',
      ])
      expect(Object.keys(s.budget as object)).toEqual(['local', 'county', 'state', 'beneficiaries', 'other'])
    }
  })

  it('without --json: a readable table', async () => {
    const { code, out } = await run(demo, false)
    expect(code).toBe(0)
    expect(out[0]).toBe('6 services, 5 service types')
    expect(out.join('\n')).toContain('8790 CR-VD-III')
    expect(out.join('\n')).toContain('Budgets (lei): local 5602810, state 120000')
  })

  it('reads the table inside a whole plan (Pângărați)', async () => {
    const { code, out } = await run(pangarati, true)
    expect(code).toBe(0)
    const parsed = JSON.parse(out[0]!) as {
      services: Array<{ codeNormalized: string; capacity: number; occupancyPercent: number }>
    }
    expect(parsed.services.map((s) => [s.codeNormalized, s.capacity, s.occupancyPercent])).toEqual([
      ['8810 ID-IV', 45, 47],
      ['8899 CZ-PN-V', 3, 100],
    ])
  })

  it('reads a CSV by its extension or by its header; problems go to stderr with --json, to the table without', async () => {
    const csv = [
      'number;code;name;capacity;occupancy_percent;budget_local;budget_county;budget_state;budget_beneficiaries;budget_other',
      '1;8899CPDH-I;Cantina;400;35;1.250.000;-;-;-;-',
      '2;necunoscut;Centru;10;50;1000;-;-;-;-',
    ].join('\r\n')
    for (const name of ['services.csv', 'services.txt']) {
      const file = write(name, `\uFEFF${csv}`)
      const { code, out, err } = await run(file, true)
      expect(code).toBe(0)
      const parsed = JSON.parse(out[0]!) as {
        services: Array<{ codeNormalized: string | null; budget: { local: number } }>
      }
      expect(parsed.services.map((s) => [s.codeNormalized, s.budget.local])).toEqual([
        ['8899 CPDH-I', 1250000],
        [null, 1000],
      ])
      expect(err).toEqual(['row 2 (necunoscut): "necunoscut" is not a Nomenclator code [invalid_code]'])
    }
    const readable = await run(path.join(dir, 'services.csv'), false)
    expect(readable.out).toContain('  row 2 (necunoscut): "necunoscut" is not a Nomenclator code [invalid_code]')
  })

  it('reads a Word document', async () => {
    const file = write('plan.docx', await planDocx())
    const { code, out, err } = await run(file, true)
    expect(err).toEqual([])
    expect(code).toBe(0)
    const parsed = JSON.parse(out[0]!) as typeof DEMO_JSON
    expect(parsed.services).toEqual([
      {
        number: '1',
        code: '8899 CZ – PN – V',
        codeNormalized: '8899 CZ-PN-V',
        name: 'Servicii de asistență comunitară',
        capacity: 3,
        occupancyPercent: 100,
        budget: { local: 160000, county: null, state: 85000, beneficiaries: null, other: null },
      },
      {
        number: '2',
        code: '8790CRVD-I',
        codeNormalized: '8790 CR-VD-I',
        name: 'Centrul Aurora',
        capacity: 24,
        occupancyPercent: 80,
        budget: { local: 902310, county: null, state: null, beneficiaries: null, other: null },
      },
    ])
  })

  it('exit 1 with a message on stderr: missing file, a directory, not UTF-8, no service found', async () => {
    const missing = await run(path.join(dir, 'nope.txt'), true)
    expect([missing.code, missing.out, missing.err]).toEqual([1, [], [`${path.join(dir, 'nope.txt')}: no such file.`]])
    expect((await run(dir, true)).code).toBe(1)
    const cp1250 = write('plan-cp1250.txt', Uint8Array.from([0x50, 0xe2, 0x6e, 0x67, 0xe3, 0x72, 0x61, 0xfe, 0x69]))
    const latin = await run(cp1250, true)
    expect(latin.code).toBe(1)
    expect(latin.err[0]).toContain('not UTF-8')
    const none = await run(
      write('empty-plan.txt', 'Planul anual\n\nA. Serviciile sociale existente\n\nNu este cazul.\n'),
      true,
    )
    expect(none.code).toBe(1)
    expect(none.out).toEqual([])
    expect(none.err[0]).toContain('no service found')
    const badCsv = await run(write('bad.csv', 'a,b,c\n1,2,3\n'), false)
    expect(badCsv.code).toBe(1)
    expect(badCsv.err.join('\n')).toContain('csv_header')
  })

  it('runs on its own, like scripts/plan-parse-command.ts', () => {
    const ok = standalone(demo, '--json')
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toEqual(DEMO_JSON)
    expect(standalone().code).toBe(2)
    expect(standalone(demo, '--bogus').code).toBe(2)
    const missing = standalone(path.join(dir, 'nope.txt'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no such file')
  })

  it("is the platform CLI's `services parse --json` and `services import --authority` (all or nothing)", () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'services', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'test', DATABASE_PATH: path.join(dir, 'cli.db') },
      })
    const parsed = cli('parse', demo, '--json')
    expect(parsed.status).toBe(0)
    expect(JSON.parse(parsed.stdout)).toEqual(DEMO_JSON)
    expect(
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'db', 'seed-demo'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'test', DATABASE_PATH: path.join(dir, 'cli.db') },
      }).status,
    ).toBe(0)
    const imported = cli('import', demo, '--authority', 'pangarati')
    expect(imported.status).toBe(0)
    expect(imported.stdout).toContain('6 services imported')
    expect(cli('import', demo).status).toBe(2) // --authority missing
    const broken = path.join(dir, 'broken.txt')
    fs.writeFileSync(broken, fs.readFileSync(demo, 'utf8').replace('1250000', '12x50'))
    const refused = cli('import', broken, '--authority', 'pangarati')
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('nothing imported')
  })
})
