/** Protocol reminders in the app: the protocol page's section and the acknowledge page (`reminders.*`). */
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
}
