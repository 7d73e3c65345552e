// Finnish. Register it with `translations: { fi }`.
import type { Dictionary } from './en.js'

const fi: Dictionary = {
  banner: {
    title: "Arvostamme yksityisyyttäsi",
    description: "Käytämme evästeitä ja vastaavia tekniikoita tämän sivuston toimintaan. Suostumuksellasi käytämme niitä myös sivuston mittaamiseen ja parantamiseen sekä osuvien mainosten näyttämiseen. Voit muuttaa valintaasi milloin tahansa.",
    notice: "Me ja kumppanimme käytämme evästeitä sivuston toimintaan, mittaamiseen ja osuvien mainosten näyttämiseen. Voit milloin tahansa kieltää henkilötietojesi myymisen tai jakamisen.",
    acceptAll: "Hyväksy kaikki",
    rejectAll: "Hylkää kaikki",
    preferences: "Asetukset",
    privacyPolicy: "Tietosuojaseloste"
  },
  preferences: {
    title: "Evästeasetukset",
    description: "Valitse, mitä evästeitä saamme käyttää. Voit muuttaa valintaasi milloin tahansa.",
    acceptAll: "Hyväksy kaikki",
    rejectAll: "Hylkää kaikki",
    save: "Tallenna valinnat",
    close: "Sulje",
    saved: "Asetukset tallennettu",
    alwaysOn: "Aina käytössä",
    details: "Palvelut ja evästeet",
    cookies: "Evästeet",
    name: "Nimi",
    provider: "Tarjoaja",
    purpose: "Tarkoitus",
    duration: "Kesto",
    party: "Tyyppi",
    firstParty: "Ensimmäisen osapuolen",
    thirdParty: "Kolmannen osapuolen",
    gpc: "Selaimesi lähetti kieltosignaalin (Global Privacy Control). Noudatimme sitä: emme myy emmekä jaa henkilötietojasi.",
    doNotSell: "Älä myy tai jaa henkilötietojani",
    consentId: "Suostumuksesi tunniste: {id}",
    receipt: "Näytä suostumuksesi kuitti"
  },
  categories: {
    necessary: { label: "Välttämättömät", description: "Tarvitaan sivuston toimintaan, tietoturvaan ja tietosuojavalintojesi muistamiseen. Niitä ei voi poistaa käytöstä." },
    functional: { label: "Toiminnalliset", description: "Muistavat asetuksesi, kuten kielen tai alueen, ja mahdollistavat lisätoimintoja." },
    performance: { label: "Tilastot", description: "Auttavat meitä ymmärtämään, miten kävijät käyttävät sivustoa, jotta voimme mitata ja parantaa sitä." },
    marketing: { label: "Markkinointi", description: "Meidän ja kumppaniemme käyttämiä osuvien mainosten näyttämiseen ja niiden tehon mittaamiseen." }
  },
  placeholder: {
    text: "Tämä palvelun {service} sisältö ({category}) on estetty, kunnes sallit sen.",
    load: "Lataa tämä sisältö",
    preferences: "Asetukset"
  }
}

export default fi
