// Latvian. Register it with `translations: { lv }`.
import type { Dictionary } from './en.js'

const lv: Dictionary = {
  banner: {
    title: "Mēs cienām jūsu privātumu",
    description: "Mēs izmantojam sīkdatnes un līdzīgas tehnoloģijas, lai šī vietne darbotos. Ar jūsu piekrišanu mēs tās izmantojam arī vietnes novērtēšanai un uzlabošanai un atbilstošu reklāmu rādīšanai. Savu izvēli varat mainīt jebkurā laikā.",
    notice: "Mēs un mūsu partneri izmantojam sīkdatnes, lai vietne darbotos, to novērtētu un rādītu atbilstošas reklāmas. Jūs jebkurā laikā varat atteikties no savu personas datu pārdošanas vai kopīgošanas.",
    acceptAll: "Pieņemt visas",
    rejectAll: "Noraidīt visas",
    preferences: "Iestatījumi",
    privacyPolicy: "Privātuma politika"
  },
  preferences: {
    title: "Sīkdatņu iestatījumi",
    description: "Izvēlieties, kuras sīkdatnes drīkstam izmantot. Savu izvēli varat mainīt jebkurā laikā.",
    acceptAll: "Pieņemt visas",
    rejectAll: "Noraidīt visas",
    save: "Saglabāt izvēli",
    close: "Aizvērt",
    saved: "Iestatījumi saglabāti",
    alwaysOn: "Vienmēr ieslēgtas",
    details: "Pakalpojumi un sīkdatnes",
    cookies: "Sīkdatnes",
    name: "Nosaukums",
    provider: "Nodrošinātājs",
    purpose: "Mērķis",
    duration: "Glabāšanas ilgums",
    party: "Veids",
    firstParty: "Pirmās puses",
    thirdParty: "Trešās puses",
    gpc: "Jūsu pārlūks nosūtīja atteikuma signālu (Global Privacy Control). Mēs to ievērojām: mēs nepārdodam un nekopīgojam jūsu personas datus.",
    doNotSell: "Nepārdot un nekopīgot manus personas datus",
    consentId: "Jūsu piekrišanas ID: {id}",
    receipt: "Skatīt jūsu piekrišanas apliecinājumu"
  },
  categories: {
    necessary: { label: "Nepieciešamās", description: "Vajadzīgas vietnes darbībai, drošībai un jūsu privātuma izvēļu atcerēšanai. Tās nevar izslēgt." },
    functional: { label: "Funkcionālās", description: "Atceras jūsu iestatījumus, piemēram, valodu vai reģionu, un nodrošina papildu funkcijas." },
    performance: { label: "Statistikas", description: "Palīdz mums saprast, kā apmeklētāji izmanto vietni, lai mēs to varētu novērtēt un uzlabot." },
    marketing: { label: "Mārketinga", description: "Mēs un mūsu partneri tās izmantojam atbilstošu reklāmu rādīšanai un to efektivitātes novērtēšanai." }
  },
  placeholder: {
    text: "Šis {service} saturs ({category}) ir bloķēts, līdz jūs to atļausiet.",
    load: "Ielādēt šo saturu",
    preferences: "Iestatījumi"
  }
}

export default lv
