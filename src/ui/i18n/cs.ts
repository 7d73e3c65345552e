// Czech. Register it with `translations: { cs }`.
import type { Dictionary } from './en.js'

const cs: Dictionary = {
  banner: {
    title: "Respektujeme vaše soukromí",
    description: "K provozu tohoto webu používáme soubory cookie a podobné technologie. S vaším souhlasem je používáme také k měření a zlepšování webu a k zobrazování relevantních reklam. Svou volbu můžete kdykoli změnit.",
    notice: "My a naši partneři používáme soubory cookie k provozu webu, jeho měření a zobrazování relevantních reklam. Proti prodeji nebo sdílení svých osobních údajů můžete kdykoli vznést námitku.",
    acceptAll: "Přijmout vše",
    rejectAll: "Odmítnout vše",
    preferences: "Nastavení",
    privacyPolicy: "Zásady ochrany osobních údajů"
  },
  preferences: {
    title: "Nastavení souborů cookie",
    description: "Vyberte, které soubory cookie smíme používat. Svou volbu můžete kdykoli změnit.",
    acceptAll: "Přijmout vše",
    rejectAll: "Odmítnout vše",
    save: "Uložit volbu",
    close: "Zavřít",
    saved: "Nastavení uloženo",
    alwaysOn: "Vždy zapnuto",
    details: "Služby a soubory cookie",
    cookies: "Soubory cookie",
    name: "Název",
    provider: "Poskytovatel",
    purpose: "Účel",
    duration: "Doba uložení",
    party: "Typ",
    firstParty: "Vlastní",
    thirdParty: "Třetí strany",
    gpc: "Váš prohlížeč odeslal signál nesouhlasu (Global Privacy Control). Respektovali jsme ho: vaše osobní údaje neprodáváme ani nesdílíme.",
    doNotSell: "Neprodávat ani nesdílet mé osobní údaje",
    consentId: "ID vašeho souhlasu: {id}",
    receipt: "Zobrazit potvrzení o vašem souhlasu"
  },
  categories: {
    necessary: { label: "Nezbytné", description: "Jsou nutné pro fungování webu, zabezpečení a zapamatování vašich voleb ochrany soukromí. Nelze je vypnout." },
    functional: { label: "Funkční", description: "Pamatují si vaše nastavení, například jazyk nebo region, a umožňují další funkce." },
    performance: { label: "Analytické", description: "Pomáhají nám pochopit, jak návštěvníci web používají, abychom ho mohli měřit a zlepšovat." },
    marketing: { label: "Marketingové", description: "Používáme je my a naši partneři k zobrazování relevantních reklam a měření jejich účinnosti." }
  },
  placeholder: {
    text: "Tento obsah od {service} ({category}) je zablokován, dokud ho nepovolíte.",
    load: "Načíst tento obsah",
    preferences: "Nastavení"
  }
}

export default cs
