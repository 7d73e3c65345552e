// Romanian. Register it with `translations: { ro }`.
import type { Dictionary } from './en.js'

const ro: Dictionary = {
  banner: {
    title: "Respectăm confidențialitatea ta",
    description: "Folosim cookie-uri și tehnologii similare pentru funcționarea acestui site. Cu acordul tău, le folosim și pentru a-l măsura și îmbunătăți și pentru a afișa reclame relevante. Îți poți schimba alegerea oricând.",
    notice: "Noi și partenerii noștri folosim cookie-uri pentru funcționarea site-ului, măsurarea lui și afișarea de reclame relevante. Te poți opune oricând vânzării sau partajării datelor tale personale.",
    acceptAll: "Accept toate",
    rejectAll: "Refuz toate",
    preferences: "Preferințe",
    privacyPolicy: "Politica de confidențialitate"
  },
  preferences: {
    title: "Preferințe cookie-uri",
    description: "Alege ce cookie-uri putem folosi. Îți poți schimba alegerea oricând.",
    acceptAll: "Accept toate",
    rejectAll: "Refuz toate",
    save: "Salvează alegerile",
    close: "Închide",
    saved: "Preferințe salvate",
    alwaysOn: "Mereu active",
    details: "Servicii și cookie-uri",
    cookies: "Cookie-uri",
    name: "Nume",
    provider: "Furnizor",
    purpose: "Scop",
    duration: "Durată",
    party: "Tip",
    firstParty: "Proprii",
    thirdParty: "Terți",
    gpc: "Browserul tău a trimis un semnal de refuz (Global Privacy Control). L-am respectat: nu vindem și nu partajăm datele tale personale.",
    doNotSell: "Nu vindeți și nu partajați datele mele personale",
    consentId: "ID-ul consimțământului tău: {id}",
    receipt: "Vezi confirmarea consimțământului tău"
  },
  categories: {
    necessary: { label: "Necesare", description: "Sunt necesare pentru funcționarea site-ului, securitate și memorarea alegerilor tale privind confidențialitatea. Nu pot fi dezactivate." },
    functional: { label: "Funcționale", description: "Rețin setările tale, cum ar fi limba sau regiunea, și activează funcții suplimentare." },
    performance: { label: "Statistice", description: "Ne ajută să înțelegem cum folosesc vizitatorii site-ul, ca să îl putem măsura și îmbunătăți." },
    marketing: { label: "Marketing", description: "Folosite de noi și de partenerii noștri pentru a afișa reclame relevante și a le măsura eficiența." }
  },
  placeholder: {
    text: "Acest conținut de la {service} ({category}) este blocat până când îl permiți.",
    load: "Încarcă acest conținut",
    preferences: "Preferințe"
  }
}

export default ro
