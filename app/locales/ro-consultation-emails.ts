/** Emails of the consultation (`emails.*`): receipts, answers, followed events. */
export const roConsultationEmails = {
  /** Texts several consultation emails share. */
  consultationCommon: {
    wholeDocument: 'Întregul document',
    section: 'Secțiunea: {{section}}',
    reasons: {
      authority: 'Primiți acest mesaj pentru că urmăriți consultările publice ale autorității {{authority}}.',
      plan_kind: 'Primiți acest mesaj pentru că urmăriți consultările pentru documente de tipul „{{kind}}”.',
      planKindUnnamed: 'Primiți acest mesaj pentru că urmăriți consultările pentru acest tip de documente.',
      plan: 'Primiți acest mesaj pentru că urmăriți documentul „{{plan}}”.',
    },
    preferencesIntro: 'Puteți primi aceste notificări imediat, într-un rezumat zilnic sau săptămânal, ori deloc.',
    preferences: 'Schimbați preferințele de notificare',
    planKinds: {
      annual_action_plan: 'Plan anual de acțiune',
      strategy: 'Strategie',
      draft_decision: 'Proiect de hotărâre',
      other: 'Alt document',
    },
    answers: {
      accepted: 'Acceptată',
      partially_accepted: 'Acceptată parțial',
      rejected: 'Respinsă',
      not_applicable: 'Nu este cazul',
    },
  },
  recommendationReceipt: {
    registered: {
      subject: 'Recomandare înregistrată cu nr. {{number}}: {{plan}}',
      intro:
        'Recomandarea dumneavoastră la „{{plan}}” ({{authority}}) a fost înregistrată pe {{date}} cu numărul {{number}}.',
    },
    edited: {
      subject: 'Recomandarea nr. {{number}} a fost modificată: {{plan}}',
      intro:
        'Modificarea recomandării dumneavoastră nr. {{number}} la „{{plan}}” ({{authority}}) a fost înregistrată. Recomandarea rămâne depusă pe {{date}}, sub același număr; textul de mai jos este cel actual.',
    },
    withdrawn: {
      subject: 'Recomandarea nr. {{number}} a fost retrasă: {{plan}}',
      intro:
        'Recomandarea dumneavoastră nr. {{number}} la „{{plan}}” ({{authority}}), depusă pe {{date}}, a fost retrasă la cererea dumneavoastră.',
      remains:
        'Ea rămâne înregistrată în registrul consultării, sub același număr, cu mențiunea „retrasă”. Până pe {{date}} inclusiv puteți depune o recomandare nouă.',
    },
    onBehalfOf: 'Depusă în numele organizației {{organisation}}.',
    text: 'Textul recomandării',
    answer:
      'Autoritatea va răspunde în scris la recomandare. Răspunsul va fi publicat pe pagina recomandării și în raportul recomandărilor acestei consultări.',
    editUntil:
      'Puteți modifica sau retrage recomandarea până pe {{date}} inclusiv, ultima zi în care se primesc recomandări.',
    privacy: 'Adresa dumneavoastră de email nu este publicată.',
    keep: 'Păstrați acest mesaj: este confirmarea înregistrării.',
    button: 'Vezi recomandarea',
  },
  recommendationAnswered: {
    subject: 'Recomandarea nr. {{number}} la „{{plan}}”: {{answer}}',
    intro: '{{authority}} a răspuns în scris la recomandarea dumneavoastră nr. {{number}} la „{{plan}}”.',
    answer: 'Răspunsul autorității: {{answer}}',
    yourRecommendation: 'Recomandarea dumneavoastră',
    justification: 'Motivarea autorității',
    noJustification: 'Autoritatea nu a adăugat o motivare.',
    report:
      'Răspunsurile autorității la toate recomandările primite sunt publicate în raportul recomandărilor acestei consultări.',
    reportLink: 'Raportul recomandărilor',
    button: 'Vezi recomandarea și răspunsul',
  },
  consultationOpened: {
    subject: 'Consultare publică deschisă: {{plan}} ({{authority}})',
    intro: '{{authority}} a publicat pentru consultare publică documentul „{{plan}}” ({{kind}}).',
    window: 'Recomandările scrise se primesc de pe {{opensOn}} până pe {{closesOn}} inclusiv.',
    adoption: 'Documentul nu poate fi supus adoptării mai devreme de {{date}}.',
    summary: 'Pe scurt',
    button: 'Citește documentul și trimite recomandări',
  },
  consultationClosing: {
    subject_one: 'Consultarea „{{plan}}” se închide în {{count}} zi',
    subject_few: 'Consultarea „{{plan}}” se închide în {{count}} zile',
    subject_other: 'Consultarea „{{plan}}” se închide în {{count}} de zile',
    subjectLastDay: 'Astăzi este ultima zi pentru recomandări: „{{plan}}”',
    subjectClosed: 'Consultarea „{{plan}}” s-a închis pe {{date}}',
    intro:
      'Consultarea publică pentru „{{plan}}” ({{authority}}) se încheie pe {{date}}: recomandările scrise se primesc până în acea zi inclusiv.',
    introClosed:
      'Consultarea publică pentru „{{plan}}” ({{authority}}) s-a încheiat pe {{date}}; nu se mai primesc recomandări.',
    daysLeft_one: 'Mai este {{count}} zi, inclusiv astăzi.',
    daysLeft_few: 'Mai sunt {{count}} zile, inclusiv astăzi.',
    daysLeft_other: 'Mai sunt {{count}} de zile, inclusiv astăzi.',
    lastDay: 'Astăzi este ultima zi.',
    count_one: 'Până acum a fost înregistrată {{count}} recomandare.',
    count_few: 'Până acum au fost înregistrate {{count}} recomandări.',
    count_other: 'Până acum au fost înregistrate {{count}} de recomandări.',
    noRecommendations: 'Până acum nu a fost înregistrată nicio recomandare.',
    button: 'Trimite o recomandare',
    buttonClosed: 'Pagina documentului',
  },
  minutesShared: {
    subject: 'Proces-verbal de verificat până pe {{date}}: {{title}}',
    intro:
      '{{authority}} a întocmit „{{title}}”, al întâlnirii din {{date}} la care a participat organizația dumneavoastră, și vi-l trimite spre verificare.',
    deadline: 'Puteți adăuga observații pe platformă până pe {{date}} inclusiv; ele rămân atașate procesului-verbal.',
    button: 'Citește procesul-verbal',
    why: 'Primiți acest mesaj ca membru al unei organizații care a participat la întâlnire.',
  },
  debateRequested: {
    subject: 'Cerere de dezbatere publică pentru „{{plan}}” (nr. {{number}})',
    intro:
      '{{organisation}} a cerut în scris, pe {{date}}, organizarea unei dezbateri publice despre „{{plan}}”. Cererea a fost înregistrată cu numărul {{number}}.',
    requester: 'Cererea a fost trimisă de {{name}}, în numele organizației.',
    reason: 'Motivul cererii',
    law: 'Potrivit Legii nr. 52/2003, dezbaterea publică este obligatorie atunci când o asociație legal constituită sau o altă autoritate publică o cere în scris.',
    what: 'Stabiliți data, ora și locul (sau legătura pentru participare online) și publicați-le pe platformă: organizația și cei care urmăresc documentul vor fi anunțați. Minuta dezbaterii se întocmește și se publică; documentul nu poate fi adoptat fără ea.',
    why: 'Primiți acest mesaj ca membru al echipei {{authority}} care gestionează consultările.',
    button: 'Programează dezbaterea',
  },
  debateScheduled: {
    subject: 'Dezbatere publică pe {{date}}, ora {{time}}: „{{plan}}”',
    intro: '{{authority}} organizează o dezbatere publică despre „{{plan}}”.',
    when: 'Data și ora: {{date}}, ora {{time}}',
    place: 'Locul: {{place}}',
    online: 'Participare online:',
    onlineLink: 'Intrați în dezbaterea online',
    notes: 'Informații suplimentare',
    minutes: 'Minuta dezbaterii va fi publicată pe pagina documentului.',
    requested: 'Primiți acest mesaj pentru că organizația dumneavoastră a cerut această dezbatere.',
    following: 'Primiți acest mesaj pentru că urmăriți acest document sau autoritatea care l-a publicat.',
    button: 'Pagina documentului',
  },
  consultationDigest: {
    daily: {
      subject_one: 'Rezumatul zilnic al consultărilor: {{count}} noutate',
      subject_few: 'Rezumatul zilnic al consultărilor: {{count}} noutăți',
      subject_other: 'Rezumatul zilnic al consultărilor: {{count}} de noutăți',
      heading: 'Rezumatul zilnic al consultărilor',
      why: 'Primiți acest rezumat o dată pe zi, cum ați ales în preferințele de notificare.',
    },
    weekly: {
      subject_one: 'Rezumatul săptămânal al consultărilor: {{count}} noutate',
      subject_few: 'Rezumatul săptămânal al consultărilor: {{count}} noutăți',
      subject_other: 'Rezumatul săptămânal al consultărilor: {{count}} de noutăți',
      heading: 'Rezumatul săptămânal al consultărilor',
      why: 'Primiți acest rezumat în fiecare luni, cum ați ales în preferințele de notificare.',
    },
    intro: 'Ce s-a întâmplat în consultările pe care le urmăriți:',
    items: {
      opened: 'consultare publică deschisă pe {{date}}',
      openedDetail: 'consultare publică deschisă pe {{date}} ({{detail}})',
      closing: 'consultarea se închide pe {{date}}',
      closingDetail: 'consultarea se închide pe {{date}} ({{detail}})',
      answered: 'răspuns la recomandarea dumneavoastră, pe {{date}}',
      answeredDetail: 'răspuns la recomandarea dumneavoastră nr. {{detail}}, pe {{date}}',
      debate: 'dezbatere publică pe {{date}}',
      debateDetail: 'dezbatere publică pe {{date}}, ora {{detail}}',
    },
  },
}
