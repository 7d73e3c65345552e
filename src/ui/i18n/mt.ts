// Maltese. Register it with `translations: { mt }`.
import type { Dictionary } from './en.js'

const mt: Dictionary = {
  banner: {
    title: "Nirrispettaw il-privatezza tiegħek",
    description: "Nużaw cookies u teknoloġiji simili biex dan is-sit jaħdem. Bil-kunsens tiegħek, nużawhom ukoll biex inkejlu u ntejbu s-sit u biex nuru reklami rilevanti. Tista’ tbiddel l-għażla tiegħek meta trid.",
    notice: "Aħna u s-sħab tagħna nużaw cookies biex is-sit jaħdem, biex inkejluh u biex nuru reklami rilevanti. Tista’ toġġezzjona meta trid għall-bejgħ jew il-qsim tal-informazzjoni personali tiegħek.",
    acceptAll: "Aċċetta kollox",
    rejectAll: "Irrifjuta kollox",
    preferences: "Preferenzi",
    privacyPolicy: "Politika tal-privatezza"
  },
  preferences: {
    title: "Preferenzi tal-cookies",
    description: "Agħżel liema cookies nistgħu nużaw. Tista’ tbiddel l-għażla tiegħek meta trid.",
    acceptAll: "Aċċetta kollox",
    rejectAll: "Irrifjuta kollox",
    save: "Issejvja l-għażliet",
    close: "Agħlaq",
    saved: "Il-preferenzi ġew issejvjati",
    alwaysOn: "Dejjem attivi",
    details: "Servizzi u cookies",
    cookies: "Cookies",
    name: "Isem",
    provider: "Fornitur",
    purpose: "Skop",
    duration: "Tul ta’ żmien",
    party: "Tip",
    firstParty: "Tal-ewwel parti",
    thirdParty: "Ta’ parti terza",
    gpc: "Il-browser tiegħek bagħat sinjal ta’ rifjut (Global Privacy Control). Irrispettajnieh: ma nbigħux u ma naqsmux l-informazzjoni personali tiegħek.",
    doNotSell: "Tbigħux u taqsmux l-informazzjoni personali tiegħi",
    consentId: "L-ID tal-kunsens tiegħek: {id}",
    receipt: "Ara l-irċevuta tal-kunsens tiegħek"
  },
  categories: {
    necessary: { label: "Meħtieġa", description: "Meħtieġa biex is-sit jaħdem, għas-sigurtà u biex niftakru l-għażliet tal-privatezza tiegħek. Ma jistgħux jintfew." },
    functional: { label: "Funzjonali", description: "Jiftakru s-settings tiegħek, bħal-lingwa jew ir-reġjun, u jippermettu funzjonijiet addizzjonali." },
    performance: { label: "Statistika", description: "Jgħinuna nifhmu kif il-viżitaturi jużaw is-sit biex inkunu nistgħu nkejluh u ntejbuh." },
    marketing: { label: "Marketing", description: "Jintużaw minna u mis-sħab tagħna biex nuru reklami rilevanti u nkejlu kemm huma effettivi." }
  },
  placeholder: {
    text: "Dan il-kontenut minn {service} ({category}) huwa mblukkat sakemm tippermettih.",
    load: "Tella’ dan il-kontenut",
    preferences: "Preferenzi"
  }
}

export default mt
