// Slovak. Register it with `translations: { sk }`.
import type { Dictionary } from './en.js'

const sk: Dictionary = {
  banner: {
    title: "Rešpektujeme vaše súkromie",
    description: "Na prevádzku tejto stránky používame súbory cookie a podobné technológie. S vaším súhlasom ich používame aj na meranie a zlepšovanie stránky a na zobrazovanie relevantných reklám. Svoju voľbu môžete kedykoľvek zmeniť.",
    notice: "My a naši partneri používame súbory cookie na prevádzku stránky, jej meranie a zobrazovanie relevantných reklám. Proti predaju alebo zdieľaniu svojich osobných údajov môžete kedykoľvek namietať.",
    acceptAll: "Prijať všetko",
    rejectAll: "Odmietnuť všetko",
    preferences: "Nastavenia",
    privacyPolicy: "Zásady ochrany osobných údajov"
  },
  preferences: {
    title: "Nastavenia súborov cookie",
    description: "Vyberte, ktoré súbory cookie môžeme používať. Svoju voľbu môžete kedykoľvek zmeniť.",
    acceptAll: "Prijať všetko",
    rejectAll: "Odmietnuť všetko",
    save: "Uložiť voľbu",
    close: "Zavrieť",
    saved: "Nastavenia uložené",
    alwaysOn: "Vždy zapnuté",
    details: "Služby a súbory cookie",
    cookies: "Súbory cookie",
    name: "Názov",
    provider: "Poskytovateľ",
    purpose: "Účel",
    duration: "Doba uloženia",
    party: "Typ",
    firstParty: "Vlastné",
    thirdParty: "Tretích strán",
    gpc: "Váš prehliadač odoslal signál nesúhlasu (Global Privacy Control). Rešpektovali sme ho: vaše osobné údaje nepredávame ani nezdieľame.",
    doNotSell: "Nepredávať ani nezdieľať moje osobné údaje",
    consentId: "ID vášho súhlasu: {id}",
    receipt: "Zobraziť potvrdenie o vašom súhlase"
  },
  categories: {
    necessary: { label: "Nevyhnutné", description: "Sú potrebné na fungovanie stránky, zabezpečenie a zapamätanie vašich volieb ochrany súkromia. Nedajú sa vypnúť." },
    functional: { label: "Funkčné", description: "Pamätajú si vaše nastavenia, napríklad jazyk alebo región, a umožňujú ďalšie funkcie." },
    performance: { label: "Analytické", description: "Pomáhajú nám pochopiť, ako návštevníci stránku používajú, aby sme ju mohli merať a zlepšovať." },
    marketing: { label: "Marketingové", description: "Používame ich my a naši partneri na zobrazovanie relevantných reklám a meranie ich účinnosti." }
  },
  placeholder: {
    text: "Tento obsah od {service} ({category}) je zablokovaný, kým ho nepovolíte.",
    load: "Načítať tento obsah",
    preferences: "Nastavenia"
  }
}

export default sk
