/** The public registry of protocols, its open data, the CSV export and the calendar feed. */
export const roProtocolRegistry = {
  title: 'Registrul protocoalelor de parteneriat',
  metaTitle: 'Protocoale de parteneriat – {{authority}}',
  intro:
    'Protocoalele de colaborare, acordurile de parteneriat și convențiile publicate de {{authority}}, cu perioada de valabilitate și starea fiecăruia la data de {{date}}.',
  caption: 'Protocoale publice – {{authority}}',
  empty: 'Autoritatea nu a publicat încă niciun protocol.',
  columns: {
    title: 'Denumirea actului',
    kind: 'Tipul',
    partners: 'Parteneri',
    object: 'Obiectul',
    validity: 'Valabilitate',
    status: 'Starea azi',
  },
  addendumOf: 'Act adițional la: {{title}}',
  signedOn: 'semnat la {{date}}',
  validity: {
    range: '{{start}} – {{end}}',
    autoRenewing: 'De la {{start}}; se prelungește automat cu câte {{period}}.',
    notice: 'Denunțare cu cel puțin {{period}} înainte de expirare.',
    currentPeriod: 'Perioada curentă: până la {{end}}.',
    openEnded: 'De la {{start}}, pe perioadă nedeterminată.',
    conditional: 'De la {{start}}, cât timp: {{condition}}.',
    conditionalNoText: 'De la {{start}}, cât timp este îndeplinită o condiție.',
    hardStop: 'Cel mult până la {{end}}.',
    endsOn: 'Încetează la {{end}}.',
    unknown: 'Durata nu este cunoscută.',
    asWritten: 'În textul actului: „{{text}}”',
  },
  openData: {
    title: 'Date deschise',
    intro:
      'Registrul este disponibil și ca date deschise, pentru reutilizare: aceleași protocoale, cu datele calculate pentru ziua de azi.',
    json: 'Descarcă registrul în format JSON',
    csv: 'Exportă toate protocoalele în CSV (doar pentru personal)',
    template: 'Descarcă modelul CSV pentru import',
  },
  authoritySection: {
    title: 'Protocoale de parteneriat',
    count_one: 'Un protocol sau acord de parteneriat public.',
    count_few: '{{count}} protocoale sau acorduri de parteneriat publice.',
    count_other: '{{count}} de protocoale sau acorduri de parteneriat publice.',
    none: 'Niciun protocol public deocamdată.',
    link: 'Vezi registrul protocoalelor',
  },
  calendar: {
    title: 'Calendar',
    intro:
      'Vă puteți abona din aplicația de calendar (Google Calendar, Outlook, calendarul telefonului) la termenele protocoalelor pe care le vedeți, din toate autoritățile unde faceți parte din personal: datele de expirare, ultimele zile în care se poate denunța o prelungire automată și reviziile periodice.',
    privacy:
      'Adresa este secretă: oricine o cunoaște vede aceste termene. Nu o trimiteți altcuiva; dacă a ajuns unde nu trebuie, generați una nouă sau dezactivați calendarul.',
    none: 'Nu aveți încă un calendar.',
    create: 'Creează adresa calendarului',
    exists: 'Calendarul dumneavoastră există din {{date}}. Adresa lui a fost afișată o singură dată, la creare.',
    regenerate: 'Generează o adresă nouă',
    regenerateHint: 'Adresa veche nu va mai funcționa; va trebui să vă abonați din nou cu cea nouă.',
    revoke: 'Dezactivează calendarul',
    created:
      'Aceasta este adresa calendarului dumneavoastră. Copiați-o acum în aplicația de calendar: nu va mai fi afișată.',
    urlLabel: 'Adresa calendarului (iCalendar)',
    subscribe: 'Deschide în aplicația de calendar',
    revoked: 'Calendarul a fost dezactivat; adresa lui nu mai funcționează.',
    feedName: 'Termene protocoale – Planuri sociale',
    feedDescription: 'Termenele protocoalelor de parteneriat, pentru {{name}}',
    events: {
      end: 'Expiră: {{title}}',
      notice: 'Termen de denunțare: {{title}}',
      review: 'Revizuire: {{title}}',
    },
    description: {
      authority: 'Autoritatea: {{authority}}',
      partners: 'Parteneri: {{partners}}',
      status: 'Starea la {{date}}: {{status}}',
    },
  },
}
