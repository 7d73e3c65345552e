// Italian. Register it with `translations: { it }`.
import type { Dictionary } from './en.js'

const it: Dictionary = {
  banner: {
    title: "Rispettiamo la tua privacy",
    description: "Usiamo cookie e tecnologie simili per far funzionare questo sito. Con il tuo consenso li usiamo anche per misurarlo e migliorarlo e per mostrare annunci pertinenti. Puoi modificare la tua scelta in qualsiasi momento.",
    notice: "Noi e i nostri partner usiamo cookie per far funzionare questo sito, misurarlo e mostrare annunci pertinenti. Puoi opporti in qualsiasi momento alla vendita o alla condivisione dei tuoi dati personali.",
    acceptAll: "Accetta tutto",
    rejectAll: "Rifiuta tutto",
    preferences: "Preferenze",
    privacyPolicy: "Informativa sulla privacy"
  },
  preferences: {
    title: "Preferenze sui cookie",
    description: "Scegli quali cookie possiamo usare. Puoi modificare la tua scelta in qualsiasi momento.",
    acceptAll: "Accetta tutto",
    rejectAll: "Rifiuta tutto",
    save: "Salva le scelte",
    close: "Chiudi",
    saved: "Preferenze salvate",
    alwaysOn: "Sempre attivi",
    details: "Servizi e cookie",
    cookies: "Cookie",
    name: "Nome",
    provider: "Fornitore",
    purpose: "Finalità",
    duration: "Durata",
    party: "Tipo",
    firstParty: "Prima parte",
    thirdParty: "Terza parte",
    gpc: "Il tuo browser ha inviato un segnale di opposizione (Global Privacy Control). Lo abbiamo rispettato: non vendiamo né condividiamo i tuoi dati personali.",
    doNotSell: "Non vendere o condividere i miei dati personali",
    consentId: "ID del tuo consenso: {id}",
    receipt: "Visualizza la ricevuta del tuo consenso"
  },
  categories: {
    necessary: { label: "Necessari", description: "Servono al funzionamento del sito, alla sicurezza e a ricordare le tue scelte sulla privacy. Non possono essere disattivati." },
    functional: { label: "Funzionali", description: "Ricordano le tue impostazioni, come lingua o area geografica, e attivano funzioni aggiuntive." },
    performance: { label: "Statistici", description: "Ci aiutano a capire come i visitatori usano il sito, per misurarlo e migliorarlo." },
    marketing: { label: "Marketing", description: "Usati da noi e dai nostri partner per mostrare annunci pertinenti e misurarne l’efficacia." }
  },
  placeholder: {
    text: "Questo contenuto di {service} ({category}) è bloccato finché non lo consenti.",
    load: "Carica questo contenuto",
    preferences: "Preferenze"
  }
}

export default it
