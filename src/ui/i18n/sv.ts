// Swedish. Register it with `translations: { sv }`.
import type { Dictionary } from './en.js'

const sv: Dictionary = {
  banner: {
    title: "Vi värnar om din integritet",
    description: "Vi använder kakor och liknande tekniker för att driva den här webbplatsen. Med ditt samtycke använder vi dem också för att mäta och förbättra den och för att visa relevanta annonser. Du kan ändra ditt val när som helst.",
    notice: "Vi och våra partner använder kakor för att driva webbplatsen, mäta den och visa relevanta annonser. Du kan när som helst motsätta dig att dina personuppgifter säljs eller delas.",
    acceptAll: "Godkänn alla",
    rejectAll: "Avvisa alla",
    preferences: "Inställningar",
    privacyPolicy: "Integritetspolicy"
  },
  preferences: {
    title: "Inställningar för kakor",
    description: "Välj vilka kakor vi får använda. Du kan ändra ditt val när som helst.",
    acceptAll: "Godkänn alla",
    rejectAll: "Avvisa alla",
    save: "Spara val",
    close: "Stäng",
    saved: "Inställningarna har sparats",
    alwaysOn: "Alltid på",
    details: "Tjänster och kakor",
    cookies: "Kakor",
    name: "Namn",
    provider: "Leverantör",
    purpose: "Syfte",
    duration: "Lagringstid",
    party: "Typ",
    firstParty: "Förstapart",
    thirdParty: "Tredjepart",
    gpc: "Din webbläsare skickade en opt-out-signal (Global Privacy Control). Vi har respekterat den: vi säljer eller delar inte dina personuppgifter.",
    doNotSell: "Sälj eller dela inte mina personuppgifter",
    consentId: "Ditt samtyckes-id: {id}",
    receipt: "Visa kvittot på ditt samtycke"
  },
  categories: {
    necessary: { label: "Nödvändiga", description: "Behövs för att webbplatsen ska fungera, för säkerheten och för att komma ihåg dina integritetsval. De kan inte stängas av." },
    functional: { label: "Funktionella", description: "Kommer ihåg dina inställningar, till exempel språk eller region, och möjliggör extra funktioner." },
    performance: { label: "Statistik", description: "Hjälper oss att förstå hur besökare använder webbplatsen så att vi kan mäta och förbättra den." },
    marketing: { label: "Marknadsföring", description: "Används av oss och våra partner för att visa relevanta annonser och mäta hur väl de fungerar." }
  },
  placeholder: {
    text: "Det här innehållet från {service} ({category}) är blockerat tills du tillåter det.",
    load: "Läs in det här innehållet",
    preferences: "Inställningar"
  }
}

export default sv
