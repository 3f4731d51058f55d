/**
 * Emails of the tripartite meetings (`emails.*`): invitations, cancellations and reminders to
 * the partners' contact persons, and the coordinators' nudges. Also the labels of email
 * attachments in the local outbox (`emails.outboxAttachments`).
 */
export const roMeetingEmails = {
  /** Texts several meeting emails share. */
  meetingCommon: {
    allGroups: 'furnizorii de servicii sociale, organizațiile de voluntariat și asociațiile beneficiarilor',
    when: 'Data și ora: {{date}}, ora {{start}}–{{end}}',
    whenStart: 'Data și ora: {{date}}, ora {{time}}',
    place: 'Locul: {{place}}',
    online: 'Participare online:',
    onlineLink: 'Intrați în întâlnirea online',
    answer: {
      accepted: 'Particip',
      tentative: 'Poate particip',
      declined: 'Nu pot participa',
    },
    oneClick: 'Un clic este suficient: nu aveți nevoie de cont și nici de parolă.',
    changeAnswer: 'Vă puteți schimba răspunsul oricând, cu aceleași legături.',
    meetingPage: 'Pagina întâlnirii',
    questions: 'Pentru întrebări, scrieți-ne la {{email}}.',
  },
  meetingInvitation: {
    new: {
      subject: 'Invitație: „{{title}}”, {{date}}, ora {{time}}',
      intro: '{{authority}} invită organizația {{organisation}} la o întâlnire tripartită.',
      calendar:
        'Invitația pentru calendar este atașată (fișierul .ics): deschideți-o pentru a adăuga întâlnirea în calendarul dumneavoastră (Outlook, Google Calendar, Apple Calendar).',
    },
    changed: {
      subject: 'Întâlnire modificată: „{{title}}”, {{date}}, ora {{time}}',
      intro:
        '{{authority}} a modificat întâlnirea tripartită la care este invitată organizația {{organisation}}. Datele de mai jos sunt cele actuale.',
      calendar:
        'Invitația actualizată pentru calendar este atașată (fișierul .ics): deschisă, ea înlocuiește întâlnirea din calendarul dumneavoastră.',
    },
    what: 'Întâlnirile tripartite reunesc furnizorii de servicii sociale, organizațiile de voluntariat și asociațiile beneficiarilor. Autoritatea organizează câte o astfel de întâlnire în fiecare semestru, pentru fiecare tip de serviciu social pe care îl oferă.',
    invited: 'Sunt invitați: {{groups}}.',
    serviceTypes: 'Serviciile sociale discutate',
    agenda: 'Ordinea de zi',
    rsvp: 'Vă rugăm să ne spuneți dacă participați:',
    privacy:
      'Adresa dumneavoastră de email este păstrată de {{authority}} pentru a vă invita la întâlnirile parteneriatului, în exercitarea unei sarcini de interes public (Legea asistenței sociale nr. 292/2011 și Legea nr. 52/2003 privind transparența decizională). Ea nu este publicată. Dacă nu mai doriți să primiți aceste invitații, scrieți la {{email}} și adresa va fi ștearsă.',
  },
  meetingCancelled: {
    subject: 'Întâlnire anulată: „{{title}}”, {{date}}, ora {{time}}',
    intro: '{{authority}} a anulat întâlnirea tripartită „{{title}}”, programată pe {{date}}, ora {{time}}.',
    reason: 'Motivul anulării',
    calendar:
      'Anularea pentru calendar este atașată (fișierul .ics): deschisă, ea scoate întâlnirea din calendarul dumneavoastră.',
    rescheduled: 'Dacă întâlnirea va fi reprogramată, veți primi o invitație nouă.',
  },
  meetingReminder: {
    subject: 'Memento: „{{title}}”, {{date}}, ora {{time}}',
    intro: 'Vă reamintim de întâlnirea tripartită „{{title}}”, organizată de {{authority}}.',
    status: {
      pending: 'Nu ne-ați spus încă dacă participați. Vă rugăm să răspundeți:',
      accepted: 'Ați confirmat că participați: vă așteptăm. Dacă nu mai puteți veni, anunțați-ne:',
      tentative: 'Ați răspuns că poate participați. Vă rugăm să ne spuneți dacă veniți:',
    },
    why: 'Primiți acest memento pentru că ați fost invitat(ă) la această întâlnire.',
  },
  semesterNudge: {
    subject_one: '{{semester}}: {{count}} tip de serviciu social fără întâlnire tripartită',
    subject_few: '{{semester}}: {{count}} tipuri de servicii sociale fără întâlnire tripartită',
    subject_other: '{{semester}}: {{count}} de tipuri de servicii sociale fără întâlnire tripartită',
    intro:
      'Semestrul {{semester}} se încheie pe {{date}}. Pentru următoarele tipuri de servicii sociale ale {{authority}} nu este programată și nu a avut loc în acest semestru nicio întâlnire tripartită:',
    rule: 'Pentru fiecare tip de serviciu social este nevoie, în fiecare semestru, de o întâlnire la care participă cel puțin un furnizor, o organizație de voluntariat și o asociație a beneficiarilor.',
    what: 'Programați întâlnirile și invitați partenerii din tabloul întâlnirilor tripartite.',
    button: 'Tabloul întâlnirilor tripartite',
    why: 'Primiți acest mesaj ca coordonator de parteneriate al {{authority}}.',
  },
  actionOverdue: {
    subject_one: '{{count}} acțiune restantă după întâlnirile tripartite: {{authority}}',
    subject_few: '{{count}} acțiuni restante după întâlnirile tripartite: {{authority}}',
    subject_other: '{{count}} de acțiuni restante după întâlnirile tripartite: {{authority}}',
    intro:
      'Termenul acțiunilor de mai jos, stabilite la întâlnirile tripartite ale {{authority}}, a trecut, iar ele nu sunt marcate ca îndeplinite:',
    owner: 'Responsabil: {{owner}}',
    dueOn: 'termen: {{date}}',
    meeting: 'întâlnirea: {{title}}',
    open: 'Vezi acțiunea',
    what: 'Marcați acțiunile îndeplinite sau stabiliți un termen nou în procesul-verbal al întâlnirii.',
    button: 'Tabloul întâlnirilor tripartite',
    why: 'Primiți acest mesaj ca coordonator de parteneriate al {{authority}}.',
  },
  /** The local outbox (`/admin/outbox/:id`): the files sent with an email. */
  outboxAttachments: {
    heading: 'Fișiere atașate',
    name: 'Fișier',
    type: 'Tip',
    size: 'Mărime',
    download: 'Descarcă {{name}}',
  },
}
