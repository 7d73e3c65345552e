// Irish. Register it with `translations: { ga }`.
import type { Dictionary } from './en.js'

const ga: Dictionary = {
  banner: {
    title: "Tugaimid meas ar do phríobháideachas",
    description: "Úsáidimid fianáin agus teicneolaíochtaí cosúil leo chun an suíomh seo a reáchtáil. Le do thoiliú, úsáidimid iad freisin chun an suíomh a thomhas agus a fheabhsú agus chun fógraí ábhartha a thaispeáint. Is féidir leat do rogha a athrú am ar bith.",
    notice: "Úsáideann muid féin agus ár gcomhpháirtithe fianáin chun an suíomh a reáchtáil, a thomhas agus fógraí ábhartha a thaispeáint. Is féidir leat diúltú am ar bith do dhíol nó do chomhroinnt do chuid faisnéise pearsanta.",
    acceptAll: "Glac le gach ceann",
    rejectAll: "Diúltaigh do gach ceann",
    preferences: "Roghanna",
    privacyPolicy: "Beartas príobháideachais"
  },
  preferences: {
    title: "Roghanna fianán",
    description: "Roghnaigh na fianáin is féidir linn a úsáid. Is féidir leat do rogha a athrú am ar bith.",
    acceptAll: "Glac le gach ceann",
    rejectAll: "Diúltaigh do gach ceann",
    save: "Sábháil roghanna",
    close: "Dún",
    saved: "Sábháladh na roghanna",
    alwaysOn: "Ar siúl i gcónaí",
    details: "Seirbhísí agus fianáin",
    cookies: "Fianáin",
    name: "Ainm",
    provider: "Soláthraí",
    purpose: "Cuspóir",
    duration: "Fad",
    party: "Cineál",
    firstParty: "Céad pháirtí",
    thirdParty: "Tríú páirtí",
    gpc: "Sheol do bhrabhsálaí comhartha diúltaithe (Global Privacy Control). Thugamar aird air: ní dhíolaimid ná ní chomhroinnimid do chuid faisnéise pearsanta.",
    doNotSell: "Ná díol ná comhroinn mo chuid faisnéise pearsanta",
    consentId: "Aitheantas do thoilithe: {id}",
    receipt: "Féach ar an admháil ar do thoiliú"
  },
  categories: {
    necessary: { label: "Riachtanach", description: "Teastaíonn siad chun go n-oibreoidh an suíomh, ar mhaithe le slándáil agus chun do roghanna príobháideachais a mheabhrú. Ní féidir iad a mhúchadh." },
    functional: { label: "Feidhmiúil", description: "Meabhraíonn siad do shocruithe, mar shampla teanga nó réigiún, agus cumasaíonn siad gnéithe breise." },
    performance: { label: "Staitisticí", description: "Cabhraíonn siad linn tuiscint a fháil ar an gcaoi a n-úsáideann cuairteoirí an suíomh ionas gur féidir linn é a thomhas agus a fheabhsú." },
    marketing: { label: "Margaíocht", description: "Úsáideann muid féin agus ár gcomhpháirtithe iad chun fógraí ábhartha a thaispeáint agus a n-éifeacht a thomhas." }
  },
  placeholder: {
    text: "Tá an t-ábhar seo ó {service} ({category}) blocáilte go dtí go gceadaíonn tú é.",
    load: "Luchtaigh an t-ábhar seo",
    preferences: "Roghanna"
  }
}

export default ga
