// Slovenian. Register it with `translations: { sl }`.
import type { Dictionary } from './en.js'

const sl: Dictionary = {
  banner: {
    title: "Spoštujemo vašo zasebnost",
    description: "Za delovanje tega spletnega mesta uporabljamo piškotke in podobne tehnologije. Z vašo privolitvijo jih uporabljamo tudi za merjenje in izboljšanje mesta ter za prikaz ustreznih oglasov. Svojo izbiro lahko kadar koli spremenite.",
    notice: "Mi in naši partnerji uporabljamo piškotke za delovanje mesta, njegovo merjenje in prikaz ustreznih oglasov. Prodaji ali deljenju svojih osebnih podatkov lahko kadar koli nasprotujete.",
    acceptAll: "Sprejmi vse",
    rejectAll: "Zavrni vse",
    preferences: "Nastavitve",
    privacyPolicy: "Politika zasebnosti"
  },
  preferences: {
    title: "Nastavitve piškotkov",
    description: "Izberite, katere piškotke smemo uporabljati. Svojo izbiro lahko kadar koli spremenite.",
    acceptAll: "Sprejmi vse",
    rejectAll: "Zavrni vse",
    save: "Shrani izbiro",
    close: "Zapri",
    saved: "Nastavitve shranjene",
    alwaysOn: "Vedno vklopljeni",
    details: "Storitve in piškotki",
    cookies: "Piškotki",
    name: "Ime",
    provider: "Ponudnik",
    purpose: "Namen",
    duration: "Trajanje",
    party: "Vrsta",
    firstParty: "Lastni",
    thirdParty: "Tretjih oseb",
    gpc: "Vaš brskalnik je poslal signal zavrnitve (Global Privacy Control). Upoštevali smo ga: vaših osebnih podatkov ne prodajamo in ne delimo.",
    doNotSell: "Ne prodajajte in ne delite mojih osebnih podatkov",
    consentId: "ID vaše privolitve: {id}",
    receipt: "Oglejte si potrdilo o svoji privolitvi"
  },
  categories: {
    necessary: { label: "Nujni", description: "Potrebni so za delovanje mesta, varnost in pomnjenje vaših izbir glede zasebnosti. Ni jih mogoče izklopiti." },
    functional: { label: "Funkcionalni", description: "Zapomnijo si vaše nastavitve, na primer jezik ali regijo, in omogočajo dodatne funkcije." },
    performance: { label: "Statistični", description: "Pomagajo nam razumeti, kako obiskovalci uporabljajo mesto, da ga lahko merimo in izboljšujemo." },
    marketing: { label: "Trženjski", description: "Uporabljamo jih mi in naši partnerji za prikaz ustreznih oglasov in merjenje njihove učinkovitosti." }
  },
  placeholder: {
    text: "Ta vsebina storitve {service} ({category}) je blokirana, dokler je ne dovolite.",
    load: "Naloži to vsebino",
    preferences: "Nastavitve"
  }
}

export default sl
