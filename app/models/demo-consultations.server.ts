/**
 * Demo consultations: Pângărați's real 2023 annual plan put to consultation as the draft for
 * next year, with recommendations from the demo organisations (one answered, a small campaign of
 * identical texts, a request for a public debate), and a strategy draft of the fictional county.
 * Everything goes through the same model functions as the app, so receipts and audit events are
 * real.
 */
import fs from 'node:fs'
import path from 'node:path'
import { addDays } from '~/domain/calendar'
import { parsePlanText } from '~/domain/plan-parser'
import type { Authority } from '~/models/authority.server'
import { requestDebate } from '~/models/debate.server'
import { follow } from '~/models/follow.server'
import { createPlan, publishPlan, sectionsOf, type SectionInput } from '~/models/plan.server'
import { answerRecommendations, submitRecommendation } from '~/models/recommendation.server'
import { clock } from '~/services/clock.server'

const DEMO_FILES = path.resolve(process.cwd(), 'db/demo')

export type DemoPeople = {
  editorId: string
  ngoAdminId: string
  volunteerId: string
  beneficiariesId: string
  citizenId: string
  ngoId: string
  beneficiariesOrgId: string
  countyEditorId: string
}

const STRATEGY_TEXT = `Strategia județeană de dezvoltare a serviciilor sociale 2027–2031 (proiect)

CAPITOLUL I: Context

A. Cadrul legal
Strategia se elaborează în baza Legii asistenței sociale nr. 292/2011 și a HG nr. 797/2017.

B. Analiza nevoilor
Numărul persoanelor vârstnice singure a crescut, iar serviciile de îngrijire la domiciliu acoperă doar o parte din cereri.

CAPITOLUL II: Obiective

A. Obiectiv general
Dezvoltarea unei rețele de servicii sociale de proximitate în fiecare comunitate a județului.

B. Obiective specifice
Înființarea a cinci centre de zi pentru persoane vârstnice și extinderea serviciilor de asistență comunitară.
`

function sections(text: string): { title: string; sections: SectionInput[] } {
  const parsed = parsePlanText(text)
  return { title: parsed.title, sections: parsed.sections }
}

function planText(year: number) {
  return fs
    .readFileSync(path.join(DEMO_FILES, 'pangarati-plan-2023.txt'), 'utf8')
    .replaceAll('pentru anul 2023', `pentru anul ${year}`)
}

/**
 * This year's plan, consulted two months ago and every recommendation answered, but without
 * its consultation minutes: the platform refuses to adopt it until they are recorded (the gap
 * real plans leave with "din data de ......").
 */
function seedClosedConsultation(pangarati: Authority, people: DemoPeople) {
  const today = clock.today()
  const year = Number(today.slice(0, 4))
  const published = new Date(`${addDays(today, -60)}T09:00:00Z`)
  clock.during(published, () => {
    const outline = sections(planText(year))
    const draft = createPlan(
      pangarati.id,
      {
        kind: 'annual_action_plan',
        title: outline.title,
        year,
        summary: 'Planul anual de acțiune al comunei pentru anul în curs.',
        justification:
          'Legea asistenței sociale nr. 292/2011, art. 112 alin. (3) lit. b) și art. 118: planul anual de acțiune privind serviciile sociale se aprobă de consiliul local.',
        sections: outline.sections,
        sourceFileName: 'pangarati-plan-2023.txt',
      },
      people.editorId,
    )
    const now = clock.today()
    const plan = publishPlan(draft, { opensOn: now, closesOn: addDays(now, 19) }, people.editorId)
    const section = sectionsOf(plan.currentVersionId!).find((s) => s.heading.startsWith('Serviciile sociale existente'))
    const rec = submitRecommendation(
      plan,
      {
        sectionId: section?.id ?? null,
        organisationId: people.beneficiariesOrgId,
        text: 'Cerem ca numărul asistenților personali să fie majorat, pentru că lista de așteptare are 12 persoane.',
        proposedWording: null,
        attachment: null,
      },
      people.beneficiariesId,
    )
    answerRecommendations(
      plan,
      [rec.id],
      {
        answer: 'accepted',
        justification: 'Numărul asistenților personali crește la 50 din luna martie.',
      },
      people.editorId,
    )
  })
}

export function seedDemoConsultations(pangarati: Authority, county: Authority, people: DemoPeople) {
  seedClosedConsultation(pangarati, people)
  const today = clock.today()
  const year = Number(today.slice(0, 4)) + 1
  const text = planText(year)
  const outline = sections(text)
  const draft = createPlan(
    pangarati.id,
    {
      kind: 'annual_action_plan',
      title: outline.title,
      year,
      summary:
        'Serviciile sociale existente și cele propuse, informarea publicului și formarea personalului, cu bugetele estimate pe surse de finanțare.',
      justification:
        'Legea asistenței sociale nr. 292/2011, art. 112 alin. (3) lit. b) și art. 118, cere consiliului local să aprobe anual planul de acțiune privind serviciile sociale, elaborat după consultarea furnizorilor publici și privați, a asociațiilor profesionale și a organizațiilor beneficiarilor. Proiectul continuă Strategia de dezvoltare a serviciilor sociale a comunei și propune înființarea unui centru de consiliere pentru prevenirea violenței domestice.',
      sections: outline.sections,
      sourceFileName: 'pangarati-plan-2023.txt',
    },
    people.editorId,
  )
  // Followers hear of the opening (their emails land in the local outbox).
  follow(people.ngoAdminId, { type: 'authority', id: pangarati.id })
  follow(people.beneficiariesId, { type: 'plan_kind', id: 'annual_action_plan' })
  const plan = publishPlan(draft, { opensOn: today, closesOn: addDays(today, 14) }, people.editorId)

  const current = sectionsOf(plan.currentVersionId!)
  const sectionId = (start: string) => current.find((s) => s.heading.startsWith(start))?.id ?? null

  const proposed = submitRecommendation(
    plan,
    {
      sectionId: sectionId('Serviciile sociale propuse'),
      organisationId: people.ngoId,
      text: 'Propunem ca planul să prevadă și un serviciu de îngrijire la domiciliu pentru persoanele vârstnice singure: în comună sunt peste 60 de vârstnici care locuiesc singuri, iar asociația noastră îi vizitează deja cu voluntari.',
      proposedWording:
        'Centru consiliere pentru prevenirea și combatere a violenței domestice; Serviciu de îngrijire la domiciliu pentru persoane vârstnice (8810 ID-I), capacitate 15 beneficiari.',
      attachment: null,
    },
    people.ngoAdminId,
  )
  submitRecommendation(
    plan,
    {
      sectionId: sectionId('Planificarea activităților de informare'),
      organisationId: null,
      text: 'Informațiile despre serviciile sociale ar trebui afișate și la dispensar și la școli, nu doar la sediul primăriei, pentru că mulți vârstnici nu folosesc internetul.',
      proposedWording: null,
      attachment: null,
    },
    people.volunteerId,
  )
  const campaign =
    'Cerem consultarea asociațiilor de părinți înainte de adoptarea planului și includerea unui serviciu de sprijin pentru copiii cu dizabilități.'
  for (const author of [people.beneficiariesId, people.citizenId]) {
    submitRecommendation(
      plan,
      {
        sectionId: null,
        organisationId: author === people.beneficiariesId ? people.beneficiariesOrgId : null,
        text: campaign,
        proposedWording: null,
        attachment: null,
      },
      author,
    )
  }
  answerRecommendations(
    plan,
    [proposed.id],
    {
      answer: 'partially_accepted',
      justification:
        'Serviciul de îngrijire la domiciliu va fi inclus în capitolul I.B cu o capacitate de 10 beneficiari, cât permite bugetul local estimat; capacitatea poate crește dacă se obține finanțare de la bugetul de stat.',
    },
    people.editorId,
  )
  requestDebate(
    plan,
    {
      organisationId: people.beneficiariesOrgId,
      reason:
        'Solicităm organizarea unei dezbateri publice cu participarea familiilor copiilor cu dizabilități, în temeiul art. 7 din Legea 52/2003.',
    },
    people.beneficiariesId,
  )

  const strategy = sections(STRATEGY_TEXT)
  createPlan(
    county.id,
    {
      kind: 'strategy',
      title: strategy.title,
      year,
      summary: 'Proiectul strategiei județene pentru următorii cinci ani: rețeaua de servicii de proximitate.',
      justification: '',
      sections: strategy.sections,
      sourceFileName: null,
    },
    people.countyEditorId,
  )
}
