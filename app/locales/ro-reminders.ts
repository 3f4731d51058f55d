/**
 * Protocol reminders (`reminders.*`): the protocol page's section, the acknowledge page, the
 * message to the partners' contact persons (always in Romanian) and the authority's settings.
 */
export const roReminders = {
  section: {
    title: 'Memento-uri',
    intro:
      'Memento-urile trimise pentru acest protocol și cele programate pentru termenul în vigoare. Le primesc consilierii juridici ai autorității și persoana responsabilă; aproape de termen, dacă nimeni nu a confirmat, și administratorii.',
    sent: 'Trimise',
    planned: 'Programate pentru termenul în vigoare',
    noneSent: 'Niciun memento trimis încă.',
    nonePlanned: 'Niciun memento programat pentru termenul în vigoare.',
    columns: {
      sentAt: 'Trimis',
      kind: 'Memento',
      deadline: 'Termen',
      to: 'Către',
      acknowledged: 'Luat la cunoștință',
      dueOn: 'Data',
    },
    collapsed: 'trimis în mesajul cu memento-uri restante',
    escalated: 'trimis și administratorilor',
    notAcknowledged: 'nu încă',
    acknowledgedBy: '{{name}}, {{at}}',
    acknowledge: 'Am luat la cunoștință',
    dueNow: 'se trimite la următoarea verificare',
    earlierTerm: 'termen anterior',
    partner: 'persoană de contact a partenerului',
    partnersIntro:
      'Memento-urile despre termene (expirare, termen de denunțare, prelungire automată) merg și la persoanele de contact ale partenerilor:',
    toPartners: 'și partenerilor',
  },
  kinds: {
    end_one: 'Expirare: cu {{count}} zi înainte',
    end_few: 'Expirare: cu {{count}} zile înainte',
    end_other: 'Expirare: cu {{count}} de zile înainte',
    notice_one: 'Termen de denunțare: cu {{count}} zi înainte',
    notice_few: 'Termen de denunțare: cu {{count}} zile înainte',
    notice_other: 'Termen de denunțare: cu {{count}} de zile înainte',
    review: 'Verificare periodică',
    renewed: 'Prelungire automată',
  },
  ack: {
    title: 'Confirmați memento-ul',
    intro:
      'Confirmați că ați luat la cunoștință memento-ul de mai jos. Colegii vor vedea confirmarea în pagina protocolului, iar administratorii nu vor mai primi memento-urile acestui termen.',
    protocol: 'Protocolul',
    kind: 'Memento',
    deadline: 'Termen',
    sentAt: 'Trimis',
    as: 'Confirmați ca {{name}}.',
    submit: 'Am luat la cunoștință',
    done: 'Mulțumim: memento-ul a fost luat la cunoștință de {{name}} ({{at}}).',
    already: 'Memento-ul a fost deja luat la cunoștință de {{name}} ({{at}}).',
    invalid:
      'Legătura nu este validă: poate a fost copiată incomplet. Autentificați-vă și confirmați memento-ul din pagina protocolului.',
    openProtocol: 'Deschide protocolul',
  },
  partnerEmail: {
    intro: {
      end: 'Vă scriem în numele {{authority}}: protocolul „{{name}}” este valabil până pe {{date}} inclusiv.',
      notice:
        'Vă scriem în numele {{authority}}: „{{name}}” se prelungește automat pe {{renewsOn}}, dacă niciuna dintre părți nu îl denunță până pe {{deadline}}.',
      renewed:
        'Vă scriem în numele {{authority}}: perioada de valabilitate a „{{name}}” s-a încheiat fără ca vreuna dintre părți să îl denunțe, așa că s-a prelungit automat. Noua perioadă începe pe {{renewsOn}} și durează până pe {{periodEnd}}; următorul termen de denunțare este {{deadline}}.',
      overdue:
        'Vă scriem în numele {{authority}} despre termenele protocolului „{{name}}”, care nu v-au fost comunicate la data lor. Le primiți acum, într-un singur mesaj:',
    },
    what: {
      end: 'Dacă doriți să continuați parteneriatul, luați legătura din timp cu {{authority}} pentru un act adițional de prelungire sau pentru un protocol nou.',
      notice:
        'Dacă doriți continuarea parteneriatului, nu trebuie să faceți nimic. Dacă nu o doriți, comunicați denunțarea în scris celeilalte părți până la această dată.',
      renewed: 'Nu trebuie să faceți nimic. Veți primi un nou mesaj înainte de următorul termen de denunțare.',
    },
    contact: 'Pentru întrebări despre protocol, scrieți autorității ({{authority}}) la {{email}}.',
    registry: 'Registrul public al protocoalelor: {{authority}}',
    why: 'Primiți acest mesaj pentru că sunteți persoana de contact a {{partner}} în acest parteneriat. {{authority}} vă păstrează adresa de email numai pentru acest parteneriat, în exercitarea sarcinilor sale de interes public (Legea nr. 292/2011 a asistenței sociale și Legea nr. 52/2003 privind transparența decizională); adresa nu este publicată. Dacă nu mai doriți aceste mesaje sau doriți ștergerea adresei, scrieți autorității la {{email}}.',
  },
  settings: {
    title: 'Memento-uri pentru protocoale',
    intro:
      'Când primesc consilierii juridici și persoana responsabilă memento-urile despre protocoale, și când un protocol apare „expiră curând” sau „în perioada de denunțare”. Se aplică de la următoarea verificare (cel mult o oră).',
    endOffsets: {
      label: 'Zile înainte de ultima zi a unui protocol pe durată determinată',
      hint: 'Numere întregi între 1 și 730, despărțite prin virgulă, cel mult 8. Implicit: 90, 30, 7, 1.',
    },
    noticeOffsets: {
      label: 'Zile înainte de termenul de denunțare al unui protocol cu prelungire automată',
      hint: 'Numere întregi între 1 și 730, despărțite prin virgulă, cel mult 8. Implicit: 30, 7, 1.',
    },
    reviewEveryMonths: {
      label: 'Revizuirea protocoalelor pe perioadă nedeterminată sau condiționate, la fiecare (luni)',
      hint: 'Între 1 și 60 de luni. Implicit: 6.',
    },
    escalateWithinDays: {
      label: 'Memento-urile trimise cu cel mult atâtea zile înainte de termen ajung și la administratori (zile)',
      hint: 'Doar dacă nimeni nu a confirmat memento-urile acelui termen. Implicit: 7.',
    },
    expiringWithinDays: {
      label: 'Un protocol apare „expiră curând” cu atâtea zile înainte de sfârșit (zile)',
      hint: 'Între 1 și 730. Implicit: 90.',
    },
    noticeWarningDays: {
      label: 'Un protocol apare „în perioada de denunțare” cu atâtea zile înainte de termenul de denunțare (zile)',
      hint: 'Între 1 și 730. Implicit: 30.',
    },
    submit: 'Salvează memento-urile',
    saved: 'Setările memento-urilor au fost salvate.',
    errors: {
      empty: 'Scrieți cel puțin un număr de zile.',
      notInteger: 'Scrieți numere întregi de zile, despărțite prin virgulă (de exemplu 90, 30, 7, 1).',
      range: 'Fiecare număr de zile trebuie să fie între 1 și 730.',
      duplicate: 'Fiecare număr de zile se scrie o singură dată.',
      tooMany: 'Cel mult 8 memento-uri înainte de un termen.',
      days: 'Scrieți un număr întreg de zile, între 1 și 730.',
      months: 'Scrieți un număr întreg de luni, între 1 și 60.',
    },
  },
}
