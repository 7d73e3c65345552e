// French. Register it with `translations: { fr }`.
import type { Dictionary } from './en.js'

const fr: Dictionary = {
  banner: {
    title: "Nous respectons votre vie privée",
    description: "Nous utilisons des cookies et des technologies similaires pour faire fonctionner ce site. Avec votre consentement, nous les utilisons aussi pour le mesurer, l’améliorer et afficher des publicités pertinentes. Vous pouvez modifier votre choix à tout moment.",
    notice: "Nos partenaires et nous utilisons des cookies pour faire fonctionner ce site, le mesurer et afficher des publicités pertinentes. Vous pouvez vous opposer à tout moment à la vente ou au partage de vos données personnelles.",
    acceptAll: "Tout accepter",
    rejectAll: "Tout refuser",
    preferences: "Préférences",
    privacyPolicy: "Politique de confidentialité"
  },
  preferences: {
    title: "Préférences en matière de cookies",
    description: "Choisissez les cookies que nous pouvons utiliser. Vous pouvez modifier votre choix à tout moment.",
    acceptAll: "Tout accepter",
    rejectAll: "Tout refuser",
    save: "Enregistrer mes choix",
    close: "Fermer",
    saved: "Préférences enregistrées",
    alwaysOn: "Toujours actifs",
    details: "Services et cookies",
    cookies: "Cookies",
    name: "Nom",
    provider: "Fournisseur",
    purpose: "Finalité",
    duration: "Durée",
    party: "Type",
    firstParty: "Interne",
    thirdParty: "Tiers",
    gpc: "Votre navigateur a envoyé un signal de refus (Global Privacy Control). Nous l’avons respecté : nous ne vendons ni ne partageons vos données personnelles.",
    doNotSell: "Ne pas vendre ni partager mes informations personnelles",
    consentId: "Votre identifiant de consentement : {id}",
    receipt: "Voir le reçu de votre consentement"
  },
  categories: {
    necessary: { label: "Nécessaires", description: "Indispensables au fonctionnement du site, à sa sécurité et à la mémorisation de vos choix de confidentialité. Ils ne peuvent pas être désactivés." },
    functional: { label: "Fonctionnels", description: "Mémorisent vos réglages, comme la langue ou la région, et activent des fonctionnalités supplémentaires." },
    performance: { label: "Mesure d’audience", description: "Nous aident à comprendre comment les visiteurs utilisent le site afin de le mesurer et de l’améliorer." },
    marketing: { label: "Marketing", description: "Utilisés par nous et nos partenaires pour afficher des publicités pertinentes et mesurer leur efficacité." }
  },
  placeholder: {
    text: "Ce contenu de {service} ({category}) est bloqué jusqu’à ce que vous l’autorisiez.",
    load: "Charger ce contenu",
    preferences: "Préférences"
  }
}

export default fr
