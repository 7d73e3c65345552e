// Estonian. Register it with `translations: { et }`.
import type { Dictionary } from './en.js'

const et: Dictionary = {
  banner: {
    title: "Austame teie privaatsust",
    description: "Kasutame selle veebisaidi toimimiseks küpsiseid ja sarnaseid tehnoloogiaid. Teie nõusolekul kasutame neid ka saidi mõõtmiseks ja parandamiseks ning asjakohaste reklaamide näitamiseks. Saate oma valikut igal ajal muuta.",
    notice: "Meie ja meie partnerid kasutame küpsiseid saidi toimimiseks, mõõtmiseks ja asjakohaste reklaamide näitamiseks. Võite igal ajal keelduda oma isikuandmete müümisest või jagamisest.",
    acceptAll: "Nõustu kõigiga",
    rejectAll: "Keeldu kõigist",
    preferences: "Eelistused",
    privacyPolicy: "Privaatsuspoliitika"
  },
  preferences: {
    title: "Küpsiste eelistused",
    description: "Valige, milliseid küpsiseid tohime kasutada. Saate oma valikut igal ajal muuta.",
    acceptAll: "Nõustu kõigiga",
    rejectAll: "Keeldu kõigist",
    save: "Salvesta valikud",
    close: "Sulge",
    saved: "Eelistused salvestatud",
    alwaysOn: "Alati sees",
    details: "Teenused ja küpsised",
    cookies: "Küpsised",
    name: "Nimi",
    provider: "Pakkuja",
    purpose: "Eesmärk",
    duration: "Kestus",
    party: "Tüüp",
    firstParty: "Esimese osapoole",
    thirdParty: "Kolmanda osapoole",
    gpc: "Teie brauser saatis keeldumissignaali (Global Privacy Control). Arvestasime sellega: me ei müü ega jaga teie isikuandmeid.",
    doNotSell: "Ära müü ega jaga minu isikuandmeid",
    consentId: "Teie nõusoleku ID: {id}",
    receipt: "Vaadake oma nõusoleku kinnitust"
  },
  categories: {
    necessary: { label: "Hädavajalikud", description: "Vajalikud saidi toimimiseks, turvalisuseks ja teie privaatsusvalikute meelespidamiseks. Neid ei saa välja lülitada." },
    functional: { label: "Funktsionaalsed", description: "Jätavad meelde teie seaded, näiteks keele või piirkonna, ja võimaldavad lisafunktsioone." },
    performance: { label: "Statistika", description: "Aitavad meil mõista, kuidas külastajad saiti kasutavad, et saaksime seda mõõta ja parandada." },
    marketing: { label: "Turundus", description: "Meie ja meie partnerid kasutavad neid asjakohaste reklaamide näitamiseks ja nende tõhususe mõõtmiseks." }
  },
  placeholder: {
    text: "See sisu teenusest {service} ({category}) on blokeeritud, kuni te selle lubate.",
    load: "Laadi see sisu",
    preferences: "Eelistused"
  }
}

export default et
