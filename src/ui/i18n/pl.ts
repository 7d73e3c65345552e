// Polish. Register it with `translations: { pl }`.
import type { Dictionary } from './en.js'

const pl: Dictionary = {
  banner: {
    title: "Szanujemy Twoją prywatność",
    description: "Używamy plików cookie i podobnych technologii, aby ta strona działała. Za Twoją zgodą używamy ich także do pomiaru i ulepszania strony oraz do wyświetlania odpowiednich reklam. Możesz w każdej chwili zmienić swój wybór.",
    notice: "My i nasi partnerzy używamy plików cookie, aby ta strona działała, do jej pomiaru i do wyświetlania odpowiednich reklam. W każdej chwili możesz sprzeciwić się sprzedaży lub udostępnianiu Twoich danych osobowych.",
    acceptAll: "Akceptuj wszystkie",
    rejectAll: "Odrzuć wszystkie",
    preferences: "Ustawienia",
    privacyPolicy: "Polityka prywatności"
  },
  preferences: {
    title: "Ustawienia plików cookie",
    description: "Wybierz, których plików cookie możemy używać. Możesz w każdej chwili zmienić swój wybór.",
    acceptAll: "Akceptuj wszystkie",
    rejectAll: "Odrzuć wszystkie",
    save: "Zapisz wybór",
    close: "Zamknij",
    saved: "Ustawienia zapisane",
    alwaysOn: "Zawsze aktywne",
    details: "Usługi i pliki cookie",
    cookies: "Pliki cookie",
    name: "Nazwa",
    provider: "Dostawca",
    purpose: "Cel",
    duration: "Okres przechowywania",
    party: "Rodzaj",
    firstParty: "Własne",
    thirdParty: "Podmiotów trzecich",
    gpc: "Twoja przeglądarka wysłała sygnał sprzeciwu (Global Privacy Control). Uwzględniliśmy go: nie sprzedajemy ani nie udostępniamy Twoich danych osobowych.",
    doNotSell: "Nie sprzedawaj ani nie udostępniaj moich danych osobowych",
    consentId: "Identyfikator Twojej zgody: {id}",
    receipt: "Zobacz potwierdzenie swojej zgody"
  },
  categories: {
    necessary: { label: "Niezbędne", description: "Potrzebne do działania strony, zapewnienia bezpieczeństwa i zapamiętania Twoich wyborów dotyczących prywatności. Nie można ich wyłączyć." },
    functional: { label: "Funkcjonalne", description: "Zapamiętują Twoje ustawienia, takie jak język lub region, i włączają dodatkowe funkcje." },
    performance: { label: "Analityczne", description: "Pomagają nam zrozumieć, jak odwiedzający korzystają ze strony, abyśmy mogli ją mierzyć i ulepszać." },
    marketing: { label: "Marketingowe", description: "Używane przez nas i naszych partnerów do wyświetlania odpowiednich reklam i mierzenia ich skuteczności." }
  },
  placeholder: {
    text: "Ta treść z {service} ({category}) jest zablokowana, dopóki na nią nie zezwolisz.",
    load: "Wczytaj tę treść",
    preferences: "Ustawienia"
  }
}

export default pl
