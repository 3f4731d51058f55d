/** Organisation pages: list, creation, public page, editing, members. Reached as t('organisations.…'). */
export const roOrganisations = {
  list: {
    title: 'Organizații',
    intro:
      'ONG-uri, furnizori de servicii sociale, asociații profesionale și ale beneficiarilor care participă la consultări pe această platformă.',
    searchLabel: 'Căutați o organizație',
    searchHint: 'După denumire, număr de înregistrare sau descriere. Diacriticele nu contează.',
    searchSubmit: 'Caută',
    clearSearch: 'Toate organizațiile',
    results: 'Rezultate pentru „{{q}}”',
    caption: 'Organizațiile înscrise',
    none: 'Nicio organizație nu este încă înscrisă.',
    noResults: 'Nicio organizație nu corespunde căutării „{{q}}”.',
    create: 'Înscrieți o organizație',
    loginToCreate: 'Pentru a înscrie organizația dumneavoastră, <0>intrați în cont</0> sau <1>creați un cont</1>.',
  },
  fields: {
    name: 'Denumirea organizației',
    kind: 'Tipul organizației',
    chooseKind: 'Alegeți tipul',
    registryNumber: 'Număr de înregistrare sau CUI',
    registryNumberHint:
      'Numărul din Registrul asociațiilor și fundațiilor, codul unic de înregistrare (CUI) sau numărul de acreditare.',
    website: 'Site web (opțional)',
    websiteShort: 'Site web',
    websiteHint: 'Adresa completă, de forma https://exemplu.ro.',
    contactEmailHint: 'Adresa organizației, afișată public. Nu folosiți o adresă personală.',
    description: 'Descriere',
    descriptionHint: 'Pe scurt: ce face organizația și pentru cine. Este afișată public.',
  },
  validation: {
    website: 'Scrieți o adresă web completă care începe cu http:// sau https://, de forma https://exemplu.ro.',
  },
  new: {
    title: 'Înscrieți o organizație',
    intro:
      'După înscriere deveniți administratorul organizației: puteți modifica datele ei și decideți cine face parte din ea. Datele de mai jos sunt publice.',
    submit: 'Înscrie organizația',
  },
  page: {
    identification: 'Date de identificare',
    notProvided: 'Nu a fost precizat',
    done: {
      created: 'Organizația a fost înscrisă. Sunteți administratorul ei.',
      saved: 'Modificările au fost salvate.',
      requested: 'Cererea a fost trimisă. Administratorii organizației o vor analiza.',
      left: 'Nu mai faceți parte din organizație.',
      steppedDown: 'Nu mai sunteți administrator al organizației.',
    },
    youAreMember: 'Faceți parte din această organizație. Rolul dumneavoastră: {{role}}.',
    join: {
      title: 'Faceți parte din organizație?',
      intro:
        'Cereți să fiți adăugat(ă). Un administrator al organizației vă aprobă cererea; după aceea puteți comenta în numele organizației.',
      message: 'Mesaj pentru administratori (opțional)',
      messageHint: 'De exemplu, ce rol aveți în organizație.',
      submit: 'Trimite cererea',
      pending: 'Cererea dumneavoastră de a face parte din organizație așteaptă aprobarea unui administrator.',
      rejected:
        'Cererea dumneavoastră anterioară a fost respinsă. Puteți cere din nou, de exemplu cu un mesaj care să explice legătura cu organizația.',
      signIn: 'Pentru a cere să faceți parte din organizație, <0>intrați în cont</0>.',
      verify: 'Pentru a cere să faceți parte din organizație, <0>confirmați adresa de email</0>.',
    },
    members: {
      title: 'Membri',
      caption: 'Membrii organizației',
      none: 'Organizația nu are încă membri.',
      name: 'Nume',
      role: 'Rol',
    },
    admin: {
      title: 'Administrare',
      edit: 'Modifică datele organizației',
      members: 'Membri și cereri',
      membersPending: 'Membri și cereri ({{count}} în așteptare)',
      history: 'Istoricul modificărilor',
    },
  },
  roles: {
    admin: 'administrator',
    member: 'membru',
  },
  edit: {
    title: 'Modificați datele: {{name}}',
    heading: 'Modificați datele organizației',
    breadcrumb: 'Modificare',
    submit: 'Salvează modificările',
    cancel: 'Renunță',
    slugNote: 'Adresa paginii organizației rămâne aceeași chiar dacă schimbați denumirea.',
  },
  members: {
    title: 'Membri și cereri: {{name}}',
    heading: 'Membri și cereri',
    breadcrumb: 'Membri',
    intro:
      'Membrii pot comenta în numele organizației. Administratorii pot modifica datele ei și decid cine face parte din ea. Organizația trebuie să aibă mereu cel puțin un administrator.',
    pending: {
      title: 'Cereri în așteptare',
      caption: 'Cereri de a face parte din organizație',
      none: 'Nicio cerere în așteptare.',
      message: 'Mesaj',
      requestedAt: 'Trimisă la',
      noMessage: 'Fără mesaj',
    },
    active: {
      title: 'Membri activi',
      caption: 'Membrii activi ai organizației',
      none: 'Organizația nu are membri activi.',
    },
    name: 'Nume',
    role: 'Rol',
    actions: 'Acțiuni',
    you: '(dumneavoastră)',
    approve: 'Aprobă',
    reject: 'Respinge',
    makeAdmin: 'Fă administrator',
    makeMember: 'Fă membru',
    remove: 'Elimină',
    done: {
      approve: 'Cererea a fost aprobată.',
      reject: 'Cererea a fost respinsă.',
      make_admin: 'Persoana este acum administrator.',
      make_member: 'Persoana este acum membru, fără drepturi de administrare.',
      remove: 'Persoana nu mai face parte din organizație.',
    },
    errors: {
      lastAdmin:
        'Organizația trebuie să aibă cel puțin un administrator. Numiți mai întâi un alt administrator, apoi încercați din nou.',
      stale:
        'Acțiunea nu mai este posibilă: situația acestei persoane s-a schimbat între timp. Verificați lista de mai jos.',
      invalid: 'Cererea nu a putut fi înțeleasă. Reîncărcați pagina și încercați din nou.',
    },
  },
}
