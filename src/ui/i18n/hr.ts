// Croatian. Register it with `translations: { hr }`.
import type { Dictionary } from './en.js'

const hr: Dictionary = {
  banner: {
    title: "Poštujemo vašu privatnost",
    description: "Koristimo kolačiće i slične tehnologije za rad ove stranice. Uz vašu privolu koristimo ih i za mjerenje i poboljšanje stranice te za prikaz relevantnih oglasa. Svoj izbor možete promijeniti u bilo kojem trenutku.",
    notice: "Mi i naši partneri koristimo kolačiće za rad stranice, njezino mjerenje i prikaz relevantnih oglasa. U bilo kojem trenutku možete se usprotiviti prodaji ili dijeljenju svojih osobnih podataka.",
    acceptAll: "Prihvati sve",
    rejectAll: "Odbij sve",
    preferences: "Postavke",
    privacyPolicy: "Politika privatnosti"
  },
  preferences: {
    title: "Postavke kolačića",
    description: "Odaberite koje kolačiće smijemo koristiti. Svoj izbor možete promijeniti u bilo kojem trenutku.",
    acceptAll: "Prihvati sve",
    rejectAll: "Odbij sve",
    save: "Spremi odabir",
    close: "Zatvori",
    saved: "Postavke spremljene",
    alwaysOn: "Uvijek uključeni",
    details: "Usluge i kolačići",
    cookies: "Kolačići",
    name: "Naziv",
    provider: "Pružatelj",
    purpose: "Svrha",
    duration: "Trajanje",
    party: "Vrsta",
    firstParty: "Vlastiti",
    thirdParty: "Treće strane",
    gpc: "Vaš je preglednik poslao signal odbijanja (Global Privacy Control). Poštovali smo ga: ne prodajemo i ne dijelimo vaše osobne podatke.",
    doNotSell: "Nemojte prodavati ni dijeliti moje osobne podatke",
    consentId: "ID vaše privole: {id}",
    receipt: "Pogledajte potvrdu svoje privole"
  },
  categories: {
    necessary: { label: "Nužni", description: "Potrebni su za rad stranice, sigurnost i pamćenje vaših izbora o privatnosti. Ne mogu se isključiti." },
    functional: { label: "Funkcionalni", description: "Pamte vaše postavke, poput jezika ili regije, i omogućuju dodatne funkcije." },
    performance: { label: "Statistički", description: "Pomažu nam razumjeti kako posjetitelji koriste stranicu kako bismo je mogli mjeriti i poboljšavati." },
    marketing: { label: "Marketinški", description: "Koristimo ih mi i naši partneri za prikaz relevantnih oglasa i mjerenje njihove učinkovitosti." }
  },
  placeholder: {
    text: "Ovaj sadržaj usluge {service} ({category}) blokiran je dok ga ne dopustite.",
    load: "Učitaj ovaj sadržaj",
    preferences: "Postavke"
  }
}

export default hr
