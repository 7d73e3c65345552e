// Hungarian. Register it with `translations: { hu }`.
import type { Dictionary } from './en.js'

const hu: Dictionary = {
  banner: {
    title: "Tiszteletben tartjuk az adatait",
    description: "Sütiket és hasonló technológiákat használunk a webhely működtetéséhez. Hozzájárulásával ezeket a webhely mérésére és fejlesztésére, valamint releváns hirdetések megjelenítésére is használjuk. Döntését bármikor megváltoztathatja.",
    notice: "Mi és partnereink sütiket használunk a webhely működtetéséhez, méréséhez és releváns hirdetések megjelenítéséhez. Bármikor tiltakozhat személyes adatai eladása vagy megosztása ellen.",
    acceptAll: "Összes elfogadása",
    rejectAll: "Összes elutasítása",
    preferences: "Beállítások",
    privacyPolicy: "Adatvédelmi tájékoztató"
  },
  preferences: {
    title: "Sütibeállítások",
    description: "Válassza ki, mely sütiket használhatjuk. Döntését bármikor megváltoztathatja.",
    acceptAll: "Összes elfogadása",
    rejectAll: "Összes elutasítása",
    save: "Választás mentése",
    close: "Bezárás",
    saved: "Beállítások mentve",
    alwaysOn: "Mindig aktív",
    details: "Szolgáltatások és sütik",
    cookies: "Sütik",
    name: "Név",
    provider: "Szolgáltató",
    purpose: "Cél",
    duration: "Időtartam",
    party: "Típus",
    firstParty: "Saját",
    thirdParty: "Harmadik fél",
    gpc: "Böngészője letiltási jelzést küldött (Global Privacy Control). Figyelembe vettük: személyes adatait nem adjuk el és nem osztjuk meg.",
    doNotSell: "Ne adják el és ne osszák meg a személyes adataimat",
    consentId: "Hozzájárulásának azonosítója: {id}",
    receipt: "Hozzájárulási igazolásának megtekintése"
  },
  categories: {
    necessary: { label: "Szükséges", description: "A webhely működéséhez, a biztonsághoz és adatvédelmi döntései megjegyzéséhez kellenek. Nem kapcsolhatók ki." },
    functional: { label: "Funkcionális", description: "Megjegyzik a beállításait, például a nyelvet vagy a régiót, és további funkciókat tesznek lehetővé." },
    performance: { label: "Statisztikai", description: "Segítenek megérteni, hogyan használják a látogatók a webhelyet, hogy mérhessük és fejleszthessük." },
    marketing: { label: "Marketing", description: "Mi és partnereink releváns hirdetések megjelenítésére és hatásuk mérésére használjuk." }
  },
  placeholder: {
    text: "Ez a(z) {service} tartalom ({category}) le van tiltva, amíg nem engedélyezi.",
    load: "Tartalom betöltése",
    preferences: "Beállítások"
  }
}

export default hu
