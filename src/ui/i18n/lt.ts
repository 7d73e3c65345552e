// Lithuanian. Register it with `translations: { lt }`.
import type { Dictionary } from './en.js'

const lt: Dictionary = {
  banner: {
    title: "Gerbiame jūsų privatumą",
    description: "Naudojame slapukus ir panašias technologijas, kad ši svetainė veiktų. Jums sutikus, juos taip pat naudojame svetainei vertinti ir tobulinti bei aktualiai reklamai rodyti. Savo pasirinkimą galite bet kada pakeisti.",
    notice: "Mes ir mūsų partneriai naudojame slapukus, kad svetainė veiktų, jai vertinti ir aktualiai reklamai rodyti. Bet kada galite atsisakyti, kad jūsų asmens duomenys būtų parduodami ar teikiami kitiems.",
    acceptAll: "Priimti visus",
    rejectAll: "Atmesti visus",
    preferences: "Nustatymai",
    privacyPolicy: "Privatumo politika"
  },
  preferences: {
    title: "Slapukų nustatymai",
    description: "Pasirinkite, kuriuos slapukus galime naudoti. Savo pasirinkimą galite bet kada pakeisti.",
    acceptAll: "Priimti visus",
    rejectAll: "Atmesti visus",
    save: "Išsaugoti pasirinkimą",
    close: "Uždaryti",
    saved: "Nustatymai išsaugoti",
    alwaysOn: "Visada įjungti",
    details: "Paslaugos ir slapukai",
    cookies: "Slapukai",
    name: "Pavadinimas",
    provider: "Teikėjas",
    purpose: "Paskirtis",
    duration: "Galiojimo trukmė",
    party: "Tipas",
    firstParty: "Pirmosios šalies",
    thirdParty: "Trečiosios šalies",
    gpc: "Jūsų naršyklė atsiuntė atsisakymo signalą (Global Privacy Control). Jo paisėme: jūsų asmens duomenų neparduodame ir neteikiame kitiems.",
    doNotSell: "Neparduoti ir neteikti mano asmens duomenų",
    consentId: "Jūsų sutikimo ID: {id}",
    receipt: "Peržiūrėti jūsų sutikimo patvirtinimą"
  },
  categories: {
    necessary: { label: "Būtini", description: "Reikalingi svetainės veikimui, saugumui ir jūsų privatumo pasirinkimams įsiminti. Jų išjungti negalima." },
    functional: { label: "Funkciniai", description: "Įsimena jūsų nustatymus, pavyzdžiui, kalbą ar regioną, ir įgalina papildomas funkcijas." },
    performance: { label: "Statistiniai", description: "Padeda mums suprasti, kaip lankytojai naudojasi svetaine, kad galėtume ją vertinti ir tobulinti." },
    marketing: { label: "Rinkodaros", description: "Juos naudojame mes ir mūsų partneriai aktualiai reklamai rodyti ir jos veiksmingumui vertinti." }
  },
  placeholder: {
    text: "Šis {service} turinys ({category}) užblokuotas, kol jo neleisite.",
    load: "Įkelti šį turinį",
    preferences: "Nustatymai"
  }
}

export default lt
