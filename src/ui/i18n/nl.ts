// Dutch. Register it with `translations: { nl }`.
import type { Dictionary } from './en.js'

const nl: Dictionary = {
  banner: {
    title: "Wij respecteren uw privacy",
    description: "Wij gebruiken cookies en vergelijkbare technieken om deze site te laten werken. Met uw toestemming gebruiken we ze ook om de site te meten en te verbeteren en om relevante advertenties te tonen. U kunt uw keuze altijd wijzigen.",
    notice: "Wij en onze partners gebruiken cookies om deze site te laten werken, te meten en relevante advertenties te tonen. U kunt op elk moment bezwaar maken tegen de verkoop of het delen van uw persoonsgegevens.",
    acceptAll: "Alles accepteren",
    rejectAll: "Alles weigeren",
    preferences: "Voorkeuren",
    privacyPolicy: "Privacybeleid"
  },
  preferences: {
    title: "Cookievoorkeuren",
    description: "Kies welke cookies wij mogen gebruiken. U kunt uw keuze altijd wijzigen.",
    acceptAll: "Alles accepteren",
    rejectAll: "Alles weigeren",
    save: "Keuzes opslaan",
    close: "Sluiten",
    saved: "Voorkeuren opgeslagen",
    alwaysOn: "Altijd aan",
    details: "Diensten en cookies",
    cookies: "Cookies",
    name: "Naam",
    provider: "Aanbieder",
    purpose: "Doel",
    duration: "Bewaartermijn",
    party: "Soort",
    firstParty: "Eigen partij",
    thirdParty: "Derde partij",
    gpc: "Uw browser heeft een opt-outsignaal (Global Privacy Control) verstuurd. Wij hebben dat gerespecteerd: wij verkopen of delen uw persoonsgegevens niet.",
    doNotSell: "Mijn persoonsgegevens niet verkopen of delen",
    consentId: "Uw toestemmings-ID: {id}",
    receipt: "Bekijk het bewijs van uw toestemming"
  },
  categories: {
    necessary: { label: "Noodzakelijk", description: "Nodig om de site te laten werken, voor de beveiliging en om uw privacykeuzes te onthouden. Ze kunnen niet worden uitgeschakeld." },
    functional: { label: "Functioneel", description: "Onthouden uw instellingen, zoals taal of regio, en maken extra functies mogelijk." },
    performance: { label: "Statistieken", description: "Helpen ons te begrijpen hoe bezoekers de site gebruiken, zodat we die kunnen meten en verbeteren." },
    marketing: { label: "Marketing", description: "Gebruikt door ons en onze partners om relevante advertenties te tonen en het effect ervan te meten." }
  },
  placeholder: {
    text: "Deze inhoud van {service} ({category}) is geblokkeerd totdat u die toestaat.",
    load: "Deze inhoud laden",
    preferences: "Voorkeuren"
  }
}

export default nl
