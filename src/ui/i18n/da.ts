// Danish. Register it with `translations: { da }`.
import type { Dictionary } from './en.js'

const da: Dictionary = {
  banner: {
    title: "Vi respekterer dit privatliv",
    description: "Vi bruger cookies og lignende teknologier til at drive dette websted. Med dit samtykke bruger vi dem også til at måle og forbedre det og til at vise relevante annoncer. Du kan altid ændre dit valg.",
    notice: "Vi og vores partnere bruger cookies til at drive dette websted, måle det og vise relevante annoncer. Du kan til enhver tid fravælge salg eller deling af dine personoplysninger.",
    acceptAll: "Accepter alle",
    rejectAll: "Afvis alle",
    preferences: "Indstillinger",
    privacyPolicy: "Privatlivspolitik"
  },
  preferences: {
    title: "Cookieindstillinger",
    description: "Vælg, hvilke cookies vi må bruge. Du kan altid ændre dit valg.",
    acceptAll: "Accepter alle",
    rejectAll: "Afvis alle",
    save: "Gem valg",
    close: "Luk",
    saved: "Indstillinger gemt",
    alwaysOn: "Altid aktive",
    details: "Tjenester og cookies",
    cookies: "Cookies",
    name: "Navn",
    provider: "Udbyder",
    purpose: "Formål",
    duration: "Varighed",
    party: "Type",
    firstParty: "Førstepart",
    thirdParty: "Tredjepart",
    gpc: "Din browser sendte et fravalgssignal (Global Privacy Control). Vi har respekteret det: Vi sælger eller deler ikke dine personoplysninger.",
    doNotSell: "Sælg eller del ikke mine personoplysninger",
    consentId: "Dit samtykke-id: {id}",
    receipt: "Se kvitteringen for dit samtykke"
  },
  categories: {
    necessary: { label: "Nødvendige", description: "Kræves for at webstedet kan fungere, for sikkerheden og for at huske dine valg om privatliv. De kan ikke slås fra." },
    functional: { label: "Funktionelle", description: "Husker dine indstillinger, f.eks. sprog eller område, og giver adgang til ekstra funktioner." },
    performance: { label: "Statistik", description: "Hjælper os med at forstå, hvordan besøgende bruger webstedet, så vi kan måle og forbedre det." },
    marketing: { label: "Marketing", description: "Bruges af os og vores partnere til at vise relevante annoncer og måle deres effekt." }
  },
  placeholder: {
    text: "Dette indhold fra {service} ({category}) er blokeret, indtil du tillader det.",
    load: "Indlæs dette indhold",
    preferences: "Indstillinger"
  }
}

export default da
