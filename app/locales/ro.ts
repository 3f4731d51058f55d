/**
 * Romanian, the default language. Every key here must exist in en.ts (the compiler checks).
 * Areas with many strings live in their own files, spread in below.
 */
import { roAccount } from './ro-account'
import { roAdmin } from './ro-admin'
import { roOrganisations } from './ro-organisations'
import { roStaff } from './ro-staff'
import { roProtocolDashboard } from './ro-protocol-dashboard'
import { roProtocolRegistry } from './ro-protocol-registry'
import { roProtocols } from './ro-protocols'
import { roReminders } from './ro-reminders'
import { roConsultationEmails } from './ro-consultation-emails'
import { roMeetingEmails } from './ro-meeting-emails'
import { roMeetings } from './ro-meetings'
import { roAdoption, roMinutes, roTransparency } from './ro-minutes'
import { roConsultations, roNotifications, roPlans, roSearch } from './ro-plans'

export const ro = {
  app: { name: 'Planuri sociale' },
  shell: {
    skipToContent: 'Sari la conținut',
    mainNav: 'Navigare principală',
    breadcrumbs: 'Unde vă aflați',
    switchTo: { en: 'English', ro: 'Română' },
    footer: {
      about:
        'Planuri sociale: consultarea publică a planurilor de servicii sociale, procese-verbale, protocoale de parteneriat și întâlniri tripartite (Legea 52/2003, Legea 292/2011).',
      privacy:
        'Adresele de email nu sunt publicate niciodată. Comentariile publice arată numele organizației sau, la alegere, al persoanei.',
    },
  },
  nav: {
    consultations: 'Consultări',
    search: 'Căutare',
    notifications: 'Notificări',
    authorities: 'Autorități',
    organisations: 'Organizații',
    staffArea: 'Spațiu de lucru: {{authority}}',
    platformAdmin: 'Administrare platformă',
    account: 'Contul meu ({{name}})',
    logout: 'Ieșire',
    login: 'Autentificare',
    signup: 'Creează cont',
  },
  errors: {
    notFound: {
      title: 'Pagina nu a fost găsită',
      body: 'Adresa nu există sau a fost mutată. Verificați adresa sau porniți de la prima pagină.',
    },
    forbidden: {
      title: 'Nu aveți acces la această pagină',
      body: 'Contul dumneavoastră nu are drepturile necesare. Dacă credeți că este o greșeală, cereți administratorului autorității sau organizației să vă acorde rolul potrivit.',
    },
    serverError: {
      title: 'A apărut o eroare',
      body: 'Ne pare rău, cererea nu a putut fi finalizată. Nimic din ce era salvat nu s-a pierdut. Încercați din nou peste câteva momente.',
    },
    unavailable: {
      title: 'Platforma este ocupată pentru moment',
      body: 'Baza de date a platformei este folosită de o altă operațiune, iar pagina nu a putut fi încărcată. Încercați din nou peste câteva secunde.',
      bodyAfterSubmit:
        'Ce ați trimis nu a putut fi înregistrat: baza de date a platformei este folosită de o altă operațiune. Reveniți la pagina anterioară (formularul păstrează ce ați scris) și trimiteți din nou peste câteva secunde.',
      retry: 'Încercați din nou',
    },
    backHome: 'Înapoi la prima pagină',
  },
  fields: {
    email: 'Adresa de email',
    password: 'Parola',
    newPassword: 'Parola nouă',
    currentPassword: 'Parola actuală',
    confirmPassword: 'Repetați parola',
    fullName: 'Numele complet',
    name: 'Denumire',
    authorityKind: 'Tipul autorității',
    county: 'Județul',
    postalAddress: 'Adresa poștală',
    contactEmail: 'Email de contact',
    slug: 'Adresa paginii',
    language: 'Limba',
    roles: 'Roluri',
  },
  validation: {
    required: 'Completați acest câmp.',
    tooLong: 'Textul este prea lung.',
    email: 'Scrieți o adresă de email validă, de forma nume@exemplu.ro.',
    passwordTooShort: 'Parola trebuie să aibă cel puțin 10 caractere.',
    nameTooShort: 'Scrieți cel puțin 2 caractere.',
    code: 'Codul are 8 cifre.',
    acceptTerms: 'Pentru a crea contul trebuie să acceptați prelucrarea datelor.',
    passwordsDiffer: 'Cele două parole nu sunt identice.',
    url: 'Scrieți o adresă web completă, de forma https://exemplu.ro.',
    slug: 'Folosiți doar litere mici fără diacritice, cifre și cratime (de exemplu: comuna-pangarati).',
    chooseRole: 'Alegeți cel puțin un rol.',
    chooseOption: 'Alegeți o variantă din listă.',
    number: 'Scrieți un număr întreg.',
    range: 'Valoarea trebuie să fie între {{min}} și {{max}}.',
  },
  login: {
    title: 'Autentificare',
    submit: 'Intră în cont',
    forgot: 'Ați uitat parola?',
    noAccount: 'Nu aveți cont?',
    signupLink: 'Creați un cont',
    invalid: 'Adresa de email sau parola nu sunt corecte.',
    throttled: 'Prea multe încercări nereușite. Încercați din nou peste {{seconds}} secunde.',
    afterReset: 'Parola a fost schimbată și toate sesiunile au fost închise. Intrați în cont cu parola nouă.',
    verified: 'Adresa de email a fost confirmată. Intrați în cont.',
    everywhere: 'Ați ieșit din cont pe toate dispozitivele.',
  },
  signup: {
    title: 'Creează cont',
    intro:
      'Cu un cont puteți comenta proiectele aflate în consultare, în nume propriu sau al organizației dumneavoastră, și puteți urmări răspunsurile autorității.',
    invited: 'Ați fost invitat(ă) în echipa {{authority}}. Creați contul cu adresa la care ați primit invitația.',
    emailHint: 'Vă trimitem un cod de confirmare. Adresa nu este publicată niciodată.',
    passwordHint: 'Cel puțin 10 caractere. O frază ușor de ținut minte este o parolă bună.',
    acceptTerms:
      'Sunt de acord ca numele și adresa mea de email să fie prelucrate pentru participarea la consultări (Legea 52/2003).',
    submit: 'Creează contul',
    haveAccount: 'Aveți deja cont?',
    loginLink: 'Intrați în cont',
    emailTaken: 'Există deja un cont cu această adresă. Intrați în cont sau cereți resetarea parolei.',
  },
  verify: {
    title: 'Confirmați adresa de email',
    intro: 'V-am trimis un cod de 8 cifre la {{email}}. Scrieți-l mai jos.',
    fromLink: 'Confirmați adresa de email cu codul din mesajul primit.',
    sent: 'Am trimis un cod nou la {{email}}.',
    code: 'Codul de confirmare',
    codeHint: '8 cifre, valabil 30 de minute.',
    submit: 'Confirmă adresa',
    noEmail: 'Nu ați primit mesajul? Verificați și dosarul de spam.',
    resend: 'Trimite un cod nou',
    localOutbox:
      'Platforma rulează fără serviciu de email: mesajele rămân în căsuța locală, citită de administratorul platformei.',
    localOutboxLink: 'Căsuța locală de email',
    errors: {
      invalid: 'Codul nu este corect.',
      expired: 'Codul a expirat. Cereți un cod nou.',
      too_many_attempts: 'Prea multe coduri greșite. Cereți un cod nou.',
    },
  },
  home: {
    authoritiesCount: '{{count}} autorități pe platformă; căutați-le pe pagina autorităților.',
    allConsultations: 'Toate consultările ({{count}} deschise acum)',
    title: 'Prima pagină',
    heading: 'Planificarea serviciilor sociale, deschisă tuturor',
    lead: 'Autoritățile publică aici proiectele de planuri și strategii pentru consultare, răspund fiecărei recomandări, țin evidența protocoalelor de parteneriat și organizează întâlnirile tripartite. Organizațiile și cetățenii comentează pe secțiuni precise și urmăresc ce s-a întâmplat cu fiecare propunere.',
    steps: {
      consult: {
        title: 'Consultare publică',
        body: 'Proiectul este publicat cu nota de fundamentare; oricine îl citește, organizațiile și cetățenii comentează pe secțiuni și propun formulări.',
      },
      minutes: {
        title: 'Procese-verbale și adoptare',
        body: 'Un plan nu poate fi adoptat fără procesul-verbal al consultării și fără răspuns la fiecare recomandare.',
      },
      protocols: {
        title: 'Protocoale de parteneriat',
        body: 'Consilierii juridici văd ce protocoale sunt valabile, care expiră și până când pot fi denunțate.',
      },
      tripartite: {
        title: 'Întâlniri tripartite',
        body: 'O întâlnire pe semestru pentru fiecare tip de serviciu social: furnizori, voluntari și asociații ale beneficiarilor.',
      },
    },
    openConsultations: 'Consultări deschise acum',
    noOpenConsultations: 'Nicio consultare nu este deschisă în acest moment.',
    authorities: 'Autorități pe platformă',
    forWhom: {
      title: 'Pentru cine este platforma',
      ngos: 'ONG-uri, furnizori, asociații ale beneficiarilor și cetățeni: găsesc într-un singur loc proiectele deschise consultării și primesc răspuns la fiecare recomandare.',
      staff:
        'Personalul autorităților: publică proiecte, răspunde recomandărilor, consemnează procesele-verbale și adoptă planurile.',
      legal: 'Consilierii juridici: știu în orice moment ce protocoale expiră și care se prelungesc automat.',
      public: 'Publicul: citește tot ce s-a publicat, fără cont.',
    },
  },
  authorities: {
    search: 'Căutați după nume sau județ',
    found_one: '{{count}} autoritate',
    found_few: '{{count}} autorități',
    found_other: '{{count}} de autorități',
    title: 'Autorități',
    intro: 'Autoritățile publice care își consultă planurile de servicii sociale pe această platformă.',
    none: 'Nicio autoritate nu este încă înscrisă.',
    county: 'județul {{county}}',
  },
  authorityKinds: {
    county_council: 'Consiliu județean',
    local_council: 'Consiliu local',
    bucharest_sector: 'Sector al municipiului București',
    dgaspc: 'Direcție generală de asistență socială și protecția copilului',
    spas: 'Serviciu public de asistență socială',
    other: 'Altă autoritate publică',
  },
  authority: {
    allConsultations: 'Toate consultările autorității',
    goToStaffArea: 'Spațiul de lucru al personalului',
    consultations: 'Consultări publice',
    noConsultations: 'Nicio consultare publicată încă.',
    contact: 'Cum trimiteți recomandări',
    contactIntro:
      'Recomandările scrise pot fi trimise prin platformă, prin poștă sau prin email, la adresele de mai jos (Legea 52/2003).',
    rules: 'Reguli aplicate de această autoritate',
    ruleAnnouncement: 'Proiectele sunt anunțate cu cel puțin {{days}} {{counting}} înainte de adoptare.',
    ruleWindow: 'Recomandările scrise se primesc cel puțin {{days}} zile calendaristice.',
    ruleDebate: 'O dezbatere publică se organizează la cererea scrisă a unei asociații sau a unei alte autorități.',
  },
  legal: {
    dayCounting: { calendar: 'zile calendaristice', working: 'zile lucrătoare' },
  },
  roles: {
    admin: 'Administrator',
    editor: 'Editor',
    legal: 'Consilier juridic',
    coordinator: 'Coordonator parteneriate',
    viewer: 'Observator',
  },
  roleDescriptions: {
    admin: 'administrează echipa și setările autorității',
    editor: 'publică proiecte, răspunde recomandărilor, consemnează procesele-verbale',
    legal: 'ține evidența protocoalelor și a termenelor lor',
    coordinator: 'organizează întâlnirile tripartite',
    viewer: 'vede spațiul de lucru, fără să modifice nimic',
  },
  organisationKinds: {
    ngo: 'ONG / asociație / fundație',
    public_provider: 'Furnizor public de servicii sociale',
    private_provider: 'Furnizor privat de servicii sociale',
    professional_association: 'Asociație profesională',
    beneficiaries_organisation: 'Organizație a beneficiarilor',
    volunteer_organisation: 'Organizație de voluntariat',
    other: 'Altă organizație',
  },
  emails: {
    ...roConsultationEmails,
    ...roMeetingEmails,
    greeting: 'Bună ziua, {{name}},',
    footer: {
      automatic: 'Mesaj trimis automat de platforma Planuri sociale.',
      unsubscribe: 'Nu mai doresc astfel de notificări',
    },
    verify: {
      subject: 'Codul de confirmare a adresei de email',
      preview: 'Codul dumneavoastră: {{code}}',
      heading: 'Confirmați adresa de email',
      intro: 'Pentru a termina crearea contului, scrieți acest cod pe pagina de confirmare:',
      orClick: 'Sau folosiți butonul de mai jos:',
      button: 'Confirmă adresa',
      expiry: 'Codul este valabil 30 de minute.',
      notYou: 'Dacă nu ați creat un cont, ignorați acest mesaj.',
    },
    reset: {
      subject: 'Resetarea parolei',
      preview: 'Alegeți o parolă nouă',
      heading: 'Resetarea parolei',
      intro:
        'Am primit o cerere de resetare a parolei contului dumneavoastră. Alegeți o parolă nouă folosind butonul de mai jos:',
      button: 'Alege o parolă nouă',
      expiry:
        'Legătura poate fi folosită o singură dată, în următoarea oră. După schimbare, toate sesiunile deschise se închid.',
      notYou: 'Dacă nu ați cerut resetarea, ignorați mesajul: parola rămâne neschimbată.',
    },
    membershipRequest: {
      subject: '{{name}} cere să se alăture organizației {{organisation}}',
      preview: '{{name}} cere să se alăture organizației {{organisation}}',
      heading: 'Cerere de aderare la {{organisation}}',
      intro:
        '{{name}} a cerut pe platforma Planuri sociale să devină membru al organizației {{organisation}}. Ca administrator, puteți aproba sau respinge cererea.',
      button: 'Vezi cererile de aderare',
    },
    membershipDecision: {
      approved: {
        subject: 'Sunteți membru al organizației {{organisation}}',
        body: 'Cererea dumneavoastră a fost aprobată. De acum puteți comenta în numele organizației {{organisation}}.',
      },
      rejected: {
        subject: 'Cererea de aderare la {{organisation}} a fost respinsă',
        body: 'Administratorii organizației {{organisation}} au respins cererea dumneavoastră. O puteți trimite din nou, cu mai multe detalii, de pe pagina organizației.',
      },
      button: 'Pagina organizației',
    },
    invitation: {
      subject: 'Invitație în echipa {{authority}}',
      preview: 'Ați fost invitat(ă) în echipa {{authority}}',
      heading: 'Invitație în echipa {{authority}}',
      intro:
        '{{inviter}} vă invită să lucrați pe platforma Planuri sociale în echipa {{authority}}, cu rolul: {{roles}}.',
      button: 'Acceptă invitația',
      expiry: 'Invitația este valabilă până la {{date}}.',
      notExpected: 'Dacă nu vă așteptați la această invitație, ignorați mesajul.',
    },
    protocolReminder: {
      end: {
        subject: 'Protocolul „{{name}}” expiră pe {{date}}',
        intro: 'Protocolul „{{name}}”, încheiat de {{authority}}, este valabil până pe {{date}} inclusiv.',
        what: 'Dacă parteneriatul trebuie să continue, pregătiți la timp un act adițional de prelungire sau un protocol nou; dacă nu, nu trebuie făcut nimic.',
      },
      notice: {
        subject: '„{{name}}” se prelungește automat pe {{renewsOn}} dacă nu este denunțat până pe {{deadline}}',
        intro:
          '„{{name}}”, încheiat de {{authority}}, se prelungește automat pe {{renewsOn}}. Dacă autoritatea nu dorește prelungirea, denunțarea trebuie comunicată partenerului cel târziu pe {{deadline}}.',
        what: 'Dacă prelungirea este dorită, nu trebuie făcut nimic; puteți consemna decizia (prelungire, neprelungire sau denunțare) în pagina protocolului.',
      },
      review: {
        subject: 'Protocolul „{{name}}” trebuie verificat ({{date}})',
        intro:
          'Protocolul „{{name}}”, încheiat de {{authority}}, nu are o dată de sfârșit: este valabil pe perioadă nedeterminată sau cât timp o condiție este îndeplinită. Verificarea lui periodică era programată pe {{date}}.',
        what: 'Verificați că protocolul este încă aplicat și că datele lui sunt corecte, apoi marcați-l ca verificat în pagina protocolului.',
      },
      renewed: {
        subject: '„{{name}}” s-a prelungit automat până pe {{periodEnd}}',
        intro:
          'Perioada de valabilitate a „{{name}}” ({{authority}}) s-a încheiat fără o decizie de neprelungire sau de denunțare, așa că s-a prelungit de la sine: noua perioadă începe pe {{renewsOn}} și durează până pe {{periodEnd}}. Noul termen de denunțare este {{deadline}}.',
        what: 'Veți primi din nou memento-uri înainte de noul termen de denunțare.',
      },
      overdue: {
        subject_one: 'Memento restant: protocolul „{{name}}”',
        subject_few: '{{count}} memento-uri restante: protocolul „{{name}}”',
        subject_other: '{{count}} de memento-uri restante: protocolul „{{name}}”',
        intro:
          'Următoarele memento-uri pentru „{{name}}” ({{authority}}) nu au fost trimise la data lor (de exemplu, platforma a fost oprită sau protocolul a fost înregistrat mai târziu). Le primiți acum, o singură dată, în acest mesaj:',
      },
      items: {
        end: 'programat pe {{dueOn}}: protocolul expiră pe {{deadline}}',
        notice:
          'programat pe {{dueOn}}: termenul de denunțare este {{deadline}} (altfel se prelungește pe {{renewsOn}})',
        review: 'programat pe {{dueOn}}: verificarea periodică',
        renewed:
          'programat pe {{dueOn}}: s-a prelungit automat până pe {{periodEnd}}; noul termen de denunțare este {{deadline}}',
      },
      weekly: {
        subject_one: '{{count}} protocol de verificat: {{authority}}',
        subject_few: '{{count}} protocoale de verificat: {{authority}}',
        subject_other: '{{count}} de protocoale de verificat: {{authority}}',
        intro_one:
          'În registrul de protocoale pentru {{authority}} este {{count}} protocol marcat „de verificat”: datele lui sunt incomplete sau verificarea periodică este restantă.',
        intro_few:
          'În registrul de protocoale pentru {{authority}} sunt {{count}} protocoale marcate „de verificat”: datele lor sunt incomplete sau verificarea periodică este restantă.',
        intro_other:
          'În registrul de protocoale pentru {{authority}} sunt {{count}} de protocoale marcate „de verificat”: datele lor sunt incomplete sau verificarea periodică este restantă.',
        reasons: {
          no_term: 'perioada de valabilitate nu este cunoscută',
          flagged: 'date de completat',
          review: 'verificarea periodică este restantă',
        },
        more_one: 'și încă {{count}} protocol.',
        more_few: 'și încă {{count}} protocoale.',
        more_other: 'și încă {{count}} de protocoale.',
        button: 'Deschide registrul de protocoale',
      },
      daysLeft_one: 'Mai este {{count}} zi până la termen.',
      daysLeft_few: 'Mai sunt {{count}} zile până la termen.',
      daysLeft_other: 'Mai sunt {{count}} de zile până la termen.',
      today: 'Astăzi este ultima zi.',
      passed: 'Termenul a trecut pe {{date}}.',
      late: 'Acest memento era programat pe {{date}}; îl primiți acum, la prima verificare de după această dată.',
      escalated:
        'Primiți acest mesaj ca administrator al autorității: nimeni nu a confirmat încă memento-urile pentru acest termen.',
      open: 'Deschide protocolul',
      ack: {
        intro:
          'Confirmați că ați luat la cunoștință, ca să știe și colegii; fără o confirmare, memento-urile apropiate de termen ajung și la administratorii autorității.',
        link: 'Am luat la cunoștință',
      },
    },
  },
  account: roAccount,
  admin: roAdmin,
  organisations: roOrganisations,
  staff: roStaff,
  protocols: roProtocols,
  protocolDashboard: roProtocolDashboard,
  protocolRegistry: roProtocolRegistry,
  reminders: roReminders,
  plans: roPlans,
  consultations: roConsultations,
  search: roSearch,
  notifications: roNotifications,
  minutes: roMinutes,
  adoption: roAdoption,
  transparency: roTransparency,
  meetings: roMeetings,
  protocolKinds: {
    protocol: 'Protocol de colaborare',
    partnership_agreement: 'Acord de parteneriat',
    association_agreement: 'Convenție / acord de asociere',
    memorandum: 'Memorandum de înțelegere',
    addendum: 'Act adițional',
    other: 'Alt act',
  },
  protocolStatuses: {
    upcoming: 'intră în vigoare',
    active: 'în vigoare',
    expiring: 'expiră curând',
    in_notice_window: 'termen de denunțare aproape',
    expired: 'expirat',
    renewed: 'prelungit automat',
    terminated: 'denunțat',
    needs_review: 'de verificat',
  },
  termTypes: {
    fixed: 'Pe perioadă determinată',
    auto_renewing: 'Cu prelungire automată',
    open_ended: 'Pe perioadă nedeterminată',
    conditional: 'Cât timp este îndeplinită o condiție',
    unknown: 'Durată necunoscută',
  },
  periods: {
    Y_one: '{{count}} an',
    Y_few: '{{count}} ani',
    Y_other: '{{count}} de ani',
    M_one: '{{count}} lună',
    M_few: '{{count}} luni',
    M_other: '{{count}} de luni',
    D_one: '{{count}} zi',
    D_few: '{{count}} zile',
    D_other: '{{count}} de zile',
  },
}
