// German. Register it with `translations: { de }`.
import type { Dictionary } from './en.js'

const de: Dictionary = {
  banner: {
    title: "Wir respektieren Ihre Privatsphäre",
    description: "Wir verwenden Cookies, um diese Website zu betreiben, und mit Ihrer Einwilligung, um sie zu messen, zu verbessern und relevante Werbung zu zeigen.",
    notice: "Wir und unsere Partner verwenden Cookies, um diese Website zu betreiben, sie zu messen und relevante Werbung anzuzeigen. Sie können dem Verkauf oder der Weitergabe Ihrer personenbezogenen Daten jederzeit widersprechen.",
    acceptAll: "Alle akzeptieren",
    rejectAll: "Alle ablehnen",
    preferences: "Einstellungen",
    privacyPolicy: "Datenschutzerklärung"
  },
  preferences: {
    title: "Cookie-Einstellungen",
    description: "Wählen Sie, welche Cookies wir verwenden dürfen. Sie können Ihre Wahl jederzeit ändern.",
    acceptAll: "Alle akzeptieren",
    rejectAll: "Alle ablehnen",
    save: "Auswahl speichern",
    close: "Schließen",
    saved: "Einstellungen gespeichert",
    alwaysOn: "Immer aktiv",
    details: "Dienste und Cookies",
    cookies: "Cookies",
    name: "Name",
    provider: "Anbieter",
    purpose: "Zweck",
    duration: "Speicherdauer",
    party: "Art",
    firstParty: "Erstanbieter",
    thirdParty: "Drittanbieter",
    gpc: "Ihr Browser hat ein Opt-out-Signal (Global Privacy Control) gesendet. Wir haben es berücksichtigt: Wir verkaufen oder teilen Ihre personenbezogenen Daten nicht.",
    doNotSell: "Meine personenbezogenen Daten nicht verkaufen oder teilen",
    consentId: "Ihre Einwilligungs-ID: {id}",
    receipt: "Nachweis Ihrer Einwilligung ansehen"
  },
  categories: {
    necessary: { label: "Notwendig", description: "Für den Betrieb der Website, die Sicherheit und das Speichern Ihrer Datenschutzeinstellungen erforderlich. Sie können nicht deaktiviert werden." },
    functional: { label: "Funktional", description: "Speichern Ihre Einstellungen wie Sprache oder Region und ermöglichen zusätzliche Funktionen." },
    performance: { label: "Statistik", description: "Helfen uns zu verstehen, wie Besucher die Website nutzen, damit wir sie messen und verbessern können." },
    marketing: { label: "Marketing", description: "Werden von uns und unseren Partnern verwendet, um relevante Werbung anzuzeigen und ihre Wirkung zu messen." }
  },
  placeholder: {
    text: "Dieser Inhalt von {service} ({category}) ist blockiert, bis Sie ihn erlauben.",
    load: "Diesen Inhalt laden",
    preferences: "Einstellungen"
  }
}

export default de
